// The agent screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const agentRoutes: readonly RouteDef[] = [];

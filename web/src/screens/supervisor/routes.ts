// The supervisor screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const supervisorRoutes: readonly RouteDef[] = [];

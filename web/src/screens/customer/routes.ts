// The customer screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const customerRoutes: readonly RouteDef[] = [];

// The admin screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const adminRoutes: readonly RouteDef[] = [];

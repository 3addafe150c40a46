// The backoffice screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const backofficeRoutes: readonly RouteDef[] = [];

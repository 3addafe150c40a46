// The backoffice screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const backofficeRoutes: readonly RouteDef[] = [
  {
    path: '/backoffice',
    title: 'backoffice.title',
    permission: 'department_cases',
    nav: 'backoffice.nav',
    load: () => import('./BackofficeScreen').then((m) => m.BackofficeScreen),
  },
];

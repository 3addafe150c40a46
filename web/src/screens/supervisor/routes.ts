// The supervisor screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const supervisorRoutes: readonly RouteDef[] = [
  {
    path: '/supervisor',
    title: 'supervisor.title',
    permission: 'supervise',
    nav: 'supervisor.nav',
    load: () => import('./SupervisorScreen').then((m) => m.SupervisorScreen),
  },
  {
    // The big screen for the room: no header, large type (Wallboard.tsx).
    path: '/wallboard',
    title: 'wallboard.title',
    permission: 'supervise',
    load: () => import('./Wallboard').then((m) => m.Wallboard),
  },
];

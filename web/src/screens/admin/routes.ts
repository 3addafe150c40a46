// The admin screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const adminRoutes: readonly RouteDef[] = [
  {
    path: '/admin/users',
    title: 'admin.users.title',
    permission: 'manage_users',
    nav: 'admin.nav.users',
    load: () => import('./UsersScreen').then((m) => m.UsersScreen),
  },
  {
    path: '/admin/strategy-versions',
    title: 'admin.versions.title',
    permission: 'view_strategy',
    nav: 'admin.nav.versions',
    load: () => import('./StrategyVersionsScreen').then((m) => m.StrategyVersionsScreen),
  },
  {
    path: '/admin/kb',
    title: 'admin.kb.title',
    permission: 'manage_knowledge',
    nav: 'admin.nav.kb',
    load: () => import('./KbScreen').then((m) => m.KbScreen),
  },
];

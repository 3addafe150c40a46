// Every screen of the app: the shell's own plus each area's routes.ts.
// Add a screen to its area's file (see docs/web.md).
import type { RouteDef } from './router';
import { adminRoutes } from './screens/admin/routes';
import { agentRoutes } from './screens/agent/routes';
import { backofficeRoutes } from './screens/backoffice/routes';
import { customerRoutes } from './screens/customer/routes';
import { planningRoutes } from './screens/planning/routes';
import { supervisorRoutes } from './screens/supervisor/routes';

const shellRoutes: readonly RouteDef[] = [
  { path: '/', title: 'nav.home', load: () => import('./screens/Home').then((m) => m.Home) },
  { path: '/login', title: 'login.title', load: () => import('./screens/Login').then((m) => m.Login) },
  {
    path: '/admin/strategy',
    title: 'strategy.title',
    permission: 'view_strategy',
    nav: 'nav.strategy',
    load: () => import('./screens/strategy/StrategyScreen').then((m) => m.StrategyScreen),
  },
];

export const ROUTES: readonly RouteDef[] = [
  ...shellRoutes,
  ...agentRoutes,
  ...supervisorRoutes,
  ...adminRoutes,
  ...backofficeRoutes,
  ...customerRoutes,
  ...planningRoutes,
];

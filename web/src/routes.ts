// Every screen of the app. Add a screen here (see docs/web.md).
import type { RouteDef } from './router';

export const ROUTES: readonly RouteDef[] = [
  { path: '/', title: 'nav.home', load: () => import('./screens/Home').then((m) => m.Home) },
  { path: '/login', title: 'login.title', load: () => import('./screens/Login').then((m) => m.Login) },
  {
    path: '/admin/strategy',
    title: 'strategy.title',
    load: () => import('./screens/strategy/StrategyScreen').then((m) => m.StrategyScreen),
  },
];

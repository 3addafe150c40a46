// The customer screens (see src/routes.ts): public, no sign-in. The chat
// widget is not a screen; it is its own bundle (src/widget, dist/widget.js).
import type { RouteDef } from '../../router';

export const customerRoutes: readonly RouteDef[] = [
  {
    path: '/forms/*',
    title: 'customer.form.title',
    load: () => import('./FormScreen').then((m) => m.FormScreen),
  },
  {
    path: '/status',
    title: 'customer.status.title',
    load: () => import('./StatusScreen').then((m) => m.StatusScreen),
  },
];

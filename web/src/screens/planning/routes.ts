// The planning screens (see src/routes.ts): forecast vs actual, required vs
// scheduled staffing with an Erlang calculator, schedules and adherence.
import type { RouteDef } from '../../router';

export const planningRoutes: readonly RouteDef[] = [
  {
    path: '/planning/forecast',
    title: 'planning.forecast.title',
    permission: 'plan_workforce',
    nav: 'planning.nav',
    load: () => import('./ForecastScreen').then((m) => m.ForecastScreen),
  },
  {
    path: '/planning/staffing',
    title: 'planning.staffing.title',
    permission: 'plan_workforce',
    load: () => import('./StaffingScreen').then((m) => m.StaffingScreen),
  },
  {
    path: '/planning/schedule',
    title: 'planning.schedule.title',
    permission: 'plan_workforce',
    load: () => import('./ScheduleScreen').then((m) => m.ScheduleScreen),
  },
];

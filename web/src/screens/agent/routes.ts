// The agent screens (see src/routes.ts).
import type { RouteDef } from '../../router';

export const agentRoutes: readonly RouteDef[] = [
  {
    path: '/agent',
    title: 'agent.title',
    permission: 'agent_desk',
    nav: 'agent.nav',
    load: () => import('./AgentDesk').then((m) => m.AgentDesk),
  },
];

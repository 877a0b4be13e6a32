import { changeEventRoutes } from './endpoints/changeEvents';
import { escalationPolicyRoutes } from './endpoints/escalationPolicies';
import { incidentRoutes } from './endpoints/incidents';
import { logEntryRoutes } from './endpoints/logEntries';
import { onCallRoutes } from './endpoints/onCalls';
import { compileTemplate, Route } from './endpoints/route';
import { serviceRoutes } from './endpoints/services';
import { teamRoutes } from './endpoints/teams';
import { userRoutes } from './endpoints/users';

/** Every PagerDuty operation the simulator serves. */
export const SIMULATED_ROUTES: readonly Route[] = [
  ...serviceRoutes,
  ...escalationPolicyRoutes,
  ...onCallRoutes,
  ...userRoutes,
  ...teamRoutes,
  ...incidentRoutes,
  ...logEntryRoutes,
  ...changeEventRoutes,
];

const compiled = SIMULATED_ROUTES.map(route => ({
  route,
  match: compileTemplate(route.template),
}));

/** The route serving `pathname`, with its path parameters. */
export function matchRoute(
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, match } of compiled) {
    const params = match(pathname);
    if (params) {
      return { route, params };
    }
  }
  return undefined;
}

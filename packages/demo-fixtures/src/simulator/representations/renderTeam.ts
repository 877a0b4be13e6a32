import type { FleetTeam } from '../fixtures/fleetTypes';
import type { RenderContext } from './renderContext';

/** A full `team` object. */
export function renderTeam(context: RenderContext, team: FleetTeam) {
  return {
    id: team.id,
    type: 'team',
    summary: team.name,
    self: `${context.apiBaseUrl}/teams/${team.id}`,
    html_url: `${context.webBaseUrl}/teams/${team.id}`,
    name: team.name,
    description: team.description,
    default_role: 'manager',
  };
}

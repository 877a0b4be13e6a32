import type {
  SloDefinition,
  SloIndicator,
} from '@preflight/plugin-reliability-node';

/** A 99.9 % / 30d availability SLO of `service` on `http_requests_total`. */
export function availabilitySlo(
  service: string,
  overrides: Partial<SloDefinition> = {},
): SloDefinition {
  const indicator: SloIndicator = {
    kind: 'ratio-bad',
    counter: true,
    badQuery: `http_requests_total{service="${service}",code=~"5.."}`,
    totalQuery: `http_requests_total{service="${service}"}`,
  };
  return {
    id: `${service}-availability`,
    name: `${service}-availability`,
    displayName: `${service} availability`,
    service,
    entityRef: `component:default/${service}`,
    file: `${service}.yaml`,
    indicatorName: `${service}-non-5xx`,
    indicator,
    window: '30d',
    windowSeconds: 30 * 86_400,
    rolling: true,
    budgetingMethod: 'Occurrences',
    objectiveIndex: 0,
    target: 0.999,
    ...overrides,
  };
}

/** The same SLO with its own queries. */
export function withIndicator(
  definition: SloDefinition,
  indicator: SloIndicator,
): SloDefinition {
  return { ...definition, indicator };
}

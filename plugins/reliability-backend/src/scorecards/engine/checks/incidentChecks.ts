import type {
  CheckOutcome,
  EntityReadinessFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import type {
  FactFreshness,
  OpenIncident,
} from '@preflight/plugin-reliability-common';
import {
  formatDuration,
  numberParam,
  outcome,
  SERVICE_KINDS,
  sourceFact,
  tierSuffix,
} from './checkSupport';
import { onCallProblem, trustedOnCall } from './onCallGuard';

const INCIDENT_DOCS = 'https://response.pagerduty.com/';

/**
 * Sources report statistics for every service they know, even with no
 * incidents; their absence means the facts are missing, not that all is well.
 */
function missingIncidentStats(
  facts: EntityReadinessFacts,
  freshness: FactFreshness,
): CheckOutcome {
  return outcome(
    'error',
    `${freshness.sourceId} reports no incident statistics for service ${
      facts.onCall.serviceId ?? 'of this entity'
    }, so they are not known`,
    [sourceFact('Incident statistics', null, freshness)],
  );
}

/** Builds "mean time to X under a limit" over the incident window. */
function meanTimeCheck(options: {
  id: string;
  title: string;
  /** The acronym, e.g. `MTTR`: messages say "the MTTR", never "the mttr". */
  what: string;
  /** What no incident has done yet when there is no mean, e.g. "has been resolved". */
  pending: string;
  field: 'mttaSeconds' | 'mttrSeconds';
  param: string;
  defaultMinutes: number;
  tier1Minutes: number;
  description: string;
  fix: string;
}): ScorecardCheck {
  return {
    id: options.id,
    defaults: {
      title: options.title,
      category: 'incidents',
      description: options.description,
      fix: { text: options.fix, url: INCIDENT_DOCS },
      appliesTo: { kinds: SERVICE_KINDS },
      params: { [options.param]: options.defaultMinutes },
      paramsByTier: { 'tier-1': { [options.param]: options.tier1Minutes } },
    },
    evaluate({ facts, params }): CheckOutcome {
      const problem = onCallProblem(facts, `the ${options.what}`);
      if (problem) {
        return problem;
      }
      const { incidents, freshness } = trustedOnCall(facts);
      if (!incidents) {
        return missingIncidentStats(facts, freshness);
      }
      const limitMinutes = numberParam(params, options.param);
      const limit = `${formatDuration(limitMinutes * 60)}${tierSuffix(facts)}`;
      if (incidents.total === 0) {
        return outcome(
          'pass',
          `No incidents in the last ${incidents.windowDays} days`,
          [
            sourceFact(
              `Incidents in ${incidents.windowDays} days`,
              0,
              freshness,
            ),
            sourceFact('Limit', limit, freshness),
          ],
        );
      }
      const seconds = incidents[options.field];
      const used = [
        sourceFact(
          `Incidents in ${incidents.windowDays} days`,
          incidents.total,
          freshness,
        ),
        sourceFact(
          options.what,
          seconds === null ? null : formatDuration(seconds),
          freshness,
        ),
        sourceFact('Limit', limit, freshness),
      ];
      if (seconds === null) {
        return outcome(
          'warning',
          `No incident ${options.pending} yet (${incidents.total} in ${incidents.windowDays} days), so there is no ${options.what}`,
          used,
        );
      }
      return seconds <= limitMinutes * 60
        ? outcome(
            'pass',
            `${options.what} over ${
              incidents.windowDays
            } days is ${formatDuration(seconds)}; the limit is ${limit}`,
            used,
          )
        : outcome(
            'fail',
            `${options.what} over ${
              incidents.windowDays
            } days is ${formatDuration(seconds)}; the limit is ${limit}`,
            used,
          );
    },
  };
}

/** Mean time to acknowledge under a limit. */
export const mttaUnderThresholdCheck = meanTimeCheck({
  id: 'mtta-under-threshold',
  title: 'Pages acknowledged fast',
  what: 'MTTA',
  pending: 'has been acknowledged',
  field: 'mttaSeconds',
  param: 'maxMttaMinutes',
  defaultMinutes: 30,
  tier1Minutes: 5,
  description:
    'Mean time to acknowledge incidents over 90 days is under the limit for the tier.',
  fix: 'Check that level 1 is reachable (contact methods, notification rules) and that escalation delays are short.',
});

/** Mean time to resolve under a limit. */
export const mttrUnderThresholdCheck = meanTimeCheck({
  id: 'mttr-under-threshold',
  title: 'Incidents resolved fast',
  what: 'MTTR',
  pending: 'has been resolved',
  field: 'mttrSeconds',
  param: 'maxMttrMinutes',
  defaultMinutes: 240,
  tier1Minutes: 60,
  description:
    'Mean time to resolve incidents over 90 days is under the limit for the tier.',
  fix: 'Review the slowest incidents: better runbooks, rollbacks and dashboards shorten recovery.',
});

function oldestOpenHighUrgency(open: OpenIncident[]) {
  return open
    .filter(incident => incident.urgency === 'high')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
}

/** No high-urgency incident has been open too long. */
export const noStaleHighUrgencyIncidentCheck: ScorecardCheck = {
  id: 'no-stale-high-urgency-incident',
  defaults: {
    title: 'No long-open urgent incident',
    category: 'incidents',
    description:
      'No high-urgency incident has been open longer than the limit.',
    fix: {
      text: 'Resolve the incident, or downgrade its urgency if it no longer needs someone awake.',
      url: INCIDENT_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { maxOpenHours: 24 },
  },
  evaluate({ facts, params, now }) {
    const problem = onCallProblem(facts, 'open incidents');
    if (problem) {
      return problem;
    }
    const { freshness, incidents } = trustedOnCall(facts);
    if (!incidents) {
      return missingIncidentStats(facts, freshness);
    }
    const maxOpenHours = numberParam(params, 'maxOpenHours');
    const oldest = oldestOpenHighUrgency(incidents.open);
    if (!oldest) {
      return outcome('pass', 'No high-urgency incident is open', [
        sourceFact('Open high-urgency incidents', 0, freshness),
      ]);
    }
    const ageSeconds = (now.getTime() - Date.parse(oldest.createdAt)) / 1000;
    const used = [
      sourceFact('Oldest open high-urgency incident', oldest.title, freshness),
      sourceFact('Open for', formatDuration(ageSeconds), freshness),
      sourceFact('Limit', formatDuration(maxOpenHours * 3600), freshness),
    ];
    return ageSeconds > maxOpenHours * 3600
      ? outcome(
          'fail',
          `"${oldest.title}" has been open for ${formatDuration(
            ageSeconds,
          )}; the limit is ${formatDuration(maxOpenHours * 3600)}`,
          used,
        )
      : outcome(
          'pass',
          `"${oldest.title}" is open for ${formatDuration(
            ageSeconds,
          )}, within the ${formatDuration(maxOpenHours * 3600)} limit`,
          used,
        );
  },
};

/** Incident checks. */
export const incidentChecks = [
  mttaUnderThresholdCheck,
  mttrUnderThresholdCheck,
  noStaleHighUrgencyIncidentCheck,
];

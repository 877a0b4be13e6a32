import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import {
  catalogFact,
  numberParam,
  outcome,
  SERVICE_KINDS,
  sourceFact,
  untrustedSources,
} from './checkSupport';

/** The entity links at least N runbooks. */
export const runbookLinkedCheck: ScorecardCheck = {
  id: 'runbook-linked',
  defaults: {
    title: 'Runbook linked',
    category: 'runbooks',
    description:
      'The entity links a runbook, so whoever is paged knows what to do first.',
    fix: {
      text: 'Add a link of type "runbook" to metadata.links: { title: "<Service> runbook", url: https://…, type: runbook }.',
      url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#links-optional',
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { minRunbooks: 1 },
  },
  evaluate({ facts, params }) {
    const minRunbooks = numberParam(params, 'minRunbooks');
    const runbooks = facts.runbooks.filter(
      runbook => runbook.origin === 'entity-link',
    );
    const used = [
      catalogFact('Runbooks', runbooks.length),
      ...(runbooks[0] ? [catalogFact('First runbook', runbooks[0].url)] : []),
    ];
    return runbooks.length >= minRunbooks
      ? outcome(
          'pass',
          `${runbooks.length} runbook${
            runbooks.length === 1 ? '' : 's'
          } linked`,
          used,
        )
      : outcome(
          'fail',
          `${runbooks.length} runbook${
            runbooks.length === 1 ? '' : 's'
          } linked; at least ${minRunbooks} required`,
          used,
        );
  },
};

/** Every alert rule attributed to the entity has a runbook_url. */
export const alertRulesHaveRunbooksCheck: ScorecardCheck = {
  id: 'alert-rules-have-runbooks',
  defaults: {
    title: 'Every alert has a runbook',
    category: 'runbooks',
    description:
      'Every Prometheus alerting rule of the entity carries a runbook_url annotation, so each page links to what to do.',
    fix: {
      text: 'Add "annotations: { runbook_url: https://… }" to each alerting rule listed; Preflight\'s generated SLO rules add the entity\'s first runbook.',
      url: 'https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate({ facts }) {
    const { rules, freshness } = facts.alertRules;
    if (freshness.length === 0) {
      return outcome(
        'not-applicable',
        'No metrics source reports alert rules',
        [],
      );
    }
    const untrusted = untrustedSources(freshness, 'Alert rules');
    if (untrusted) {
      return untrusted;
    }
    const unreadable = facts.alertRules.unreadable?.[0];
    if (unreadable) {
      // "No rules" would be a guess: the source did not say which it has.
      return outcome(
        'error',
        `The alert rules of ${unreadable.sourceId} cannot be read, so whether every alert has a runbook is unknown: ${unreadable.error}`,
        [
          {
            label: 'Alert rules read error',
            value: unreadable.error,
            sourceId: unreadable.sourceId,
            asOf: unreadable.since,
            stale: true,
          },
        ],
      );
    }
    const source = freshness[0];
    if (rules.length === 0) {
      return outcome(
        'not-applicable',
        'No alert rule is attributed to this entity',
        [sourceFact('Alert rules', 0, source)],
      );
    }
    const missing = rules.filter(rule => !rule.runbookUrl);
    const used = [
      sourceFact('Alert rules', rules.length, source),
      sourceFact('Without runbook_url', missing.length, source),
    ];
    if (missing.length === 0) {
      return outcome(
        'pass',
        `All ${rules.length} alert rules have a runbook_url`,
        used,
      );
    }
    const names = [...new Set(missing.map(rule => rule.name))];
    return outcome(
      'fail',
      `${missing.length} of ${
        rules.length
      } alert rules have no runbook_url: ${names.slice(0, 5).join(', ')}${
        names.length > 5 ? ', …' : ''
      }`,
      used,
    );
  },
};

/** Runbook checks. */
export const runbookChecks = [runbookLinkedCheck, alertRulesHaveRunbooksCheck];

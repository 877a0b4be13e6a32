import {
  buildReadinessFacts,
  neverSyncedSource,
  staleSource,
} from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import {
  alertRulesHaveRunbooksCheck,
  runbookLinkedCheck,
} from './runbookChecks';

const prometheusFact = {
  sourceId: 'prometheus:main',
  asOf: '2026-11-23T11:55:00.000Z',
  stale: false,
};

describe('runbook-linked', () => {
  it('passes with a runbook link, naming it', async () => {
    const result = await runCheck(runbookLinkedCheck, buildReadinessFacts());
    expect(result).toEqual({
      state: 'pass',
      message: '1 runbook linked',
      facts: [
        { label: 'Runbooks', value: 1, sourceId: 'catalog' },
        {
          label: 'First runbook',
          value: 'https://runbooks.example.com/checkout',
          sourceId: 'catalog',
        },
      ],
    });
  });

  it('fails without runbooks', async () => {
    const result = await runCheck(
      runbookLinkedCheck,
      buildReadinessFacts({ runbooks: [] }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('0 runbooks linked; at least 1 required');
  });

  it('does not count runbooks found only on alert rules', async () => {
    const result = await runCheck(
      runbookLinkedCheck,
      buildReadinessFacts({
        runbooks: [
          {
            title: 'CheckoutErrors',
            url: 'https://runbooks.example.com/checkout#errors',
            origin: 'alert-rule',
            alert: 'CheckoutErrors',
          },
        ],
      }),
    );
    expect(result.state).toBe('fail');
  });

  it('uses a configured minimum', async () => {
    const result = await runCheck(runbookLinkedCheck, buildReadinessFacts(), {
      params: { minRunbooks: 2 },
    });
    expect(result.state).toBe('fail');
    expect(result.message).toBe('1 runbook linked; at least 2 required');
  });
});

describe('alert-rules-have-runbooks', () => {
  it('passes when every rule has a runbook_url', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe('All 2 alert rules have a runbook_url');
    expect(result.facts).toEqual([
      { label: 'Alert rules', value: 2, ...prometheusFact },
      { label: 'Without runbook_url', value: 0, ...prometheusFact },
    ]);
  });

  it('fails naming the rules without runbook_url', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({
        alertRules: {
          rules: [
            {
              name: 'CheckoutHighLatency',
              group: 'checkout.rules',
              sourceId: 'prometheus:main',
            },
            {
              name: 'CheckoutErrors',
              group: 'checkout.rules',
              sourceId: 'prometheus:main',
              runbookUrl: 'https://runbooks.example.com/checkout#errors',
            },
          ],
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      '1 of 2 alert rules have no runbook_url: CheckoutHighLatency',
    );
    expect(result.facts).toContainEqual({
      label: 'Without runbook_url',
      value: 1,
      ...prometheusFact,
    });
  });

  it('does not apply when no alert rule is attributed to the entity', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({ alertRules: { rules: [] } }),
    );
    expect(result.state).toBe('not-applicable');
    expect(result.facts).toEqual([
      { label: 'Alert rules', value: 0, ...prometheusFact },
    ]);
  });

  it('is an error, not "not applicable", when the source cannot say which rules it has', async () => {
    const error =
      'Prometheus instance "vm": rules_not_served: VictoriaMetrics does not evaluate alerting rules itself';
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({
        alertRules: {
          rules: [],
          unreadable: [
            {
              sourceId: 'prometheus:main',
              error,
              since: '2026-11-20T08:00:00.000Z',
            },
          ],
        },
      }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      `The alert rules of prometheus:main cannot be read, so whether every alert has a runbook is unknown: ${error}`,
    );
  });

  it('does not apply when no metrics source is configured', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({ alertRules: { rules: [], freshness: [] } }),
    );
    expect(result.state).toBe('not-applicable');
    expect(result.message).toBe('No metrics source reports alert rules');
  });

  it('is an error when the metrics source never synced', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({
        alertRules: {
          rules: [],
          freshness: [neverSyncedSource('prometheus:main')],
        },
      }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toBe(
      'Alert rules from prometheus:main are not known yet: it has not synced successfully',
    );
  });

  it('is an error when the metrics source is stale', async () => {
    const result = await runCheck(
      alertRulesHaveRunbooksCheck,
      buildReadinessFacts({
        alertRules: { freshness: [staleSource('prometheus:main')] },
      }),
    );
    expect(result.state).toBe('error');
    expect(result.message).toContain(
      'prometheus:main are stale (last good sync Sun, Nov 22, 08:00 UTC)',
    );
    expect(result.facts).toEqual([
      {
        label: 'Last successful sync',
        value: '2026-11-22T08:00:00.000Z',
        sourceId: 'prometheus:main',
        asOf: '2026-11-22T08:00:00.000Z',
        stale: true,
      },
    ]);
  });
});

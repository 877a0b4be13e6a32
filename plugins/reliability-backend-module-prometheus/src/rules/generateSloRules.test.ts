import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  burnRateWindowsForPeriod,
  evaluateSloBudget,
} from '@preflight/plugin-reliability-common';
import { parseOpenSloDocuments } from '@preflight/plugin-reliability-node';
import { checkRules, testRules } from '@internal/preflight-test/prometheus';
import { availabilitySlo } from '../__testUtils__/sloDefinition';
import { ruleUnitTest } from '../__testUtils__/ruleUnitTest';
import { generateSloRules, SLO_BURN_ALERT_NAME } from './generateSloRules';

const CATALOG = path.resolve(__dirname, '../../../../catalog/slos');

// promtool runs as a separate process; on a busy two-core machine one run
// can take longer than jest's default five seconds.
jest.setTimeout(60_000);

describe('generateSloRules', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'preflight-slo-rules-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes rule files for the example fleet that promtool accepts', async () => {
    const files: string[] = [];
    for (const name of [
      'checkout-api',
      'search-api',
      'payments-gateway',
      'recommendations',
    ]) {
      const { definitions, problems } = parseOpenSloDocuments(
        await readFile(path.join(CATALOG, `${name}.yaml`), 'utf8'),
        { entityRef: `component:default/${name}`, file: `${name}.yaml` },
      );
      expect(problems).toEqual([]);
      const rules = generateSloRules({
        entityRef: `component:default/${name}`,
        slos: definitions,
        owner: 'group:default/team-payments',
        runbookUrl: `https://runbooks.example.com/${name}`,
      });
      expect(rules.problems).toEqual([]);
      const file = path.join(dir, `${name}.rules.yml`);
      await writeFile(file, rules.yaml);
      files.push(file);
    }
    const result = await checkRules(files);
    expect(`${result.stdout}${result.stderr}`).not.toContain('FAILED');
    expect(result.exitCode).toBe(0);
    // checkout-api has two SLOs: 7 recording rules + page + ticket each.
    expect(result.stdout).toContain('SUCCESS: 18 rules found');
  });

  it('scales the burn-rate windows to the SLO period, keeps the factors and labels alerts with owner and runbook', () => {
    const rules = generateSloRules({
      entityRef: 'component:default/search-api',
      slos: [
        availabilitySlo('search-api', {
          window: '28d',
          windowSeconds: 28 * 86_400,
          target: 0.995,
        }),
      ],
      owner: 'group:default/team-search',
      runbookUrl: 'https://runbooks.example.com/search',
    });
    const [group] = rules.groups;
    expect(group.name).toBe('preflight-slo-search-api-availability');
    expect(
      group.rules
        .filter(rule => 'record' in rule)
        .map(rule => ('record' in rule ? rule.record : '')),
    ).toEqual(
      // 30-day windows × 28/30, to the minute, at least 5m
      ['5m', '28m', '56m', '112m', '336m', '1344m', '4032m'].map(
        w => `slo:sli_error:ratio_rate${w}`,
      ),
    );
    const page = group.rules.find(rule => rule.labels.severity === 'page')!;
    expect(page.expr).toContain(
      'slo:sli_error:ratio_rate56m{slo="search-api-availability",service="search-api"} >= (14.4 * 0.005)',
    );
    expect(page.expr).toContain(
      'slo:sli_error:ratio_rate5m{slo="search-api-availability",service="search-api"} >= (14.4 * 0.005)',
    );
    expect(page.expr).toContain('>= (6 * 0.005)');
    expect(page.labels).toEqual({
      severity: 'page',
      slo: 'search-api-availability',
      service: 'search-api',
      entity: 'component:default/search-api',
      owner: 'group:default/team-search',
    });
    expect('annotations' in page && page.annotations.runbook_url).toBe(
      'https://runbooks.example.com/search',
    );
    const ticket = group.rules.find(rule => rule.labels.severity === 'ticket')!;
    expect(ticket.expr).toContain('>= (3 * 0.005)');
    expect(ticket.expr).toContain(
      'slo:sli_error:ratio_rate4032m{slo="search-api-availability",service="search-api"} >= (1 * 0.005)',
    );
  });

  it('labels every alert, and no recording rule, with the entity ref, so deployed rules are attributed to the entity', () => {
    const rules = generateSloRules({
      entityRef: 'api:payments/checkout-public',
      slos: [availabilitySlo('checkout-api'), availabilitySlo('checkout-web')],
    });
    const all = rules.groups.flatMap(group => group.rules);
    const alerts = all.filter(rule => 'alert' in rule);
    expect(alerts).toHaveLength(4);
    expect(alerts.map(rule => rule.labels.entity)).toEqual(
      Array(4).fill('api:payments/checkout-public'),
    );
    expect(
      all
        .filter(rule => 'record' in rule)
        .some(rule => 'entity' in rule.labels),
    ).toBe(false);
    expect(rules.yaml).toContain('entity: api:payments/checkout-public');
  });

  it('leaves out SLOs whose names cannot be put in a PromQL selector, saying why', () => {
    const rules = generateSloRules({
      entityRef: 'component:default/x',
      slos: [
        availabilitySlo('ok'),
        availabilitySlo('bad', { service: 'bad"} or vector(1) #' }),
        availabilitySlo('threshold', {
          id: 'p99',
          indicator: {
            kind: 'threshold',
            query: 'histogram_quantile(0.99, x)',
          },
        }),
      ],
    });
    expect(rules.groups.map(group => group.name)).toEqual([
      'preflight-slo-ok-availability',
    ]);
    expect(rules.yaml).not.toContain('vector(1)');
    expect(rules.problems).toEqual([
      {
        sloId: 'bad-availability',
        field: 'spec.service',
        message: expect.stringContaining(
          'cannot be used in a PromQL label matcher',
        ),
      },
      expect.objectContaining({ sloId: 'p99', field: 'thresholdMetric' }),
    ]);
  });

  it('fires the page alert for a fast burn, only a ticket for a slow burn, and nothing for a healthy service (promtool test rules)', async () => {
    const entities = {
      'checkout-api': 'fast',
      'ledger-service': 'slow',
      'search-api': 'healthy',
    };
    const generated = Object.keys(entities).map(service =>
      generateSloRules({
        entityRef: `component:default/${service}`,
        slos: [availabilitySlo(service)],
        owner: 'group:default/team-payments',
        runbookUrl: `https://runbooks.example.com/${service}`,
      }),
    );
    const ruleFiles = Object.keys(entities).map(
      service => `${service}.rules.yml`,
    );
    await Promise.all(
      generated.map((rules, index) =>
        writeFile(path.join(dir, ruleFiles[index]), rules.yaml),
      ),
    );
    // 1,000 requests a minute for 3 hours; errors per minute: 200 (burn
    // rate 200 on a 99.9 % SLO), 5 (burn rate 5: above the ticket
    // thresholds 3 and 1, below the page thresholds 14.4 and 6) and 0.1.
    const errorsPerMinute = {
      'checkout-api': 200,
      'ledger-service': 5,
      'search-api': 0.1,
    };
    const series = Object.entries(errorsPerMinute).flatMap(
      ([service, errors]) => [
        {
          series: `http_requests_total{service="${service}",code="200"}`,
          values: `0+${1000 - errors}x180`,
        },
        {
          series: `http_requests_total{service="${service}",code="500"}`,
          values: `0+${errors}x180`,
        },
      ],
    );
    const testFile = path.join(dir, 'slo-alerts.test.yml');
    await writeFile(
      testFile,
      ruleUnitTest({
        ruleFiles,
        rules: generated,
        series,
        evalTime: '150m',
        alertName: SLO_BURN_ALERT_NAME,
        firing: [
          { slo: 'checkout-api-availability', severity: 'page' },
          { slo: 'checkout-api-availability', severity: 'ticket' },
          { slo: 'ledger-service-availability', severity: 'ticket' },
        ],
        // Error ratios in parts per million: promtool 2.42 compares floats
        // exactly, and 0.2 comes out as 0.19999999999999998.
        samples: [
          {
            expr: 'round(1e6 * slo:sli_error:ratio_rate5m{slo="checkout-api-availability"})',
            labels: '{slo="checkout-api-availability",service="checkout-api"}',
            value: 200_000,
          },
          {
            expr: 'round(1e6 * slo:sli_error:ratio_rate1h{slo="search-api-availability"})',
            labels: '{slo="search-api-availability",service="search-api"}',
            value: 100,
          },
        ],
      }),
    );
    const passing = await testRules(testFile);
    expect(`${passing.stdout}${passing.stderr}`).toContain('SUCCESS');
    expect(passing.exitCode).toBe(0);

    // The same test must fail if the healthy service were expected to page:
    // proof that promtool really compares the firing alerts.
    const strictFile = path.join(dir, 'slo-alerts-wrong.test.yml');
    await writeFile(
      strictFile,
      ruleUnitTest({
        ruleFiles,
        rules: generated,
        series,
        evalTime: '150m',
        alertName: SLO_BURN_ALERT_NAME,
        firing: [
          { slo: 'checkout-api-availability', severity: 'page' },
          { slo: 'checkout-api-availability', severity: 'ticket' },
          { slo: 'ledger-service-availability', severity: 'ticket' },
          { slo: 'search-api-availability', severity: 'page' },
        ],
      }),
    );
    const failing = await testRules(strictFile);
    expect(failing.exitCode).not.toBe(0);
    expect(`${failing.stdout}${failing.stderr}`).toMatch(
      /FAILED[\s\S]*search-api-availability/,
    );
  });

  it('fires nothing for a 7-day SLO burning at 0.5 and pages for one burning at 20, as the card judges them (promtool test rules)', async () => {
    const WEEK = 7 * 86_400;
    const errorsPerMinute = { 'weekly-slow': 5, 'weekly-fast': 200 };
    const generated = Object.keys(errorsPerMinute).map(service =>
      generateSloRules({
        entityRef: `component:default/${service}`,
        slos: [
          availabilitySlo(service, {
            window: '7d',
            windowSeconds: WEEK,
            target: 0.99,
          }),
        ],
      }),
    );
    const ruleFiles = Object.keys(errorsPerMinute).map(
      service => `${service}.rules.yml`,
    );
    await Promise.all(
      generated.map((rules, index) =>
        writeFile(path.join(dir, ruleFiles[index]), rules.yaml),
      ),
    );
    // 1,000 requests a minute for 20 hours (longer than the longest 7-day
    // window, 1008m); 5 errors a minute is burn rate 0.5 on a 99 % SLO,
    // 200 is burn rate 20.
    const minutes = 1200;
    const series = Object.entries(errorsPerMinute).flatMap(
      ([service, errors]) => [
        {
          series: `http_requests_total{service="${service}",code="200"}`,
          values: `0+${1000 - errors}x${minutes}`,
        },
        {
          series: `http_requests_total{service="${service}",code="500"}`,
          values: `0+${errors}x${minutes}`,
        },
      ],
    );
    const testFile = path.join(dir, 'weekly-alerts.test.yml');
    await writeFile(
      testFile,
      ruleUnitTest({
        ruleFiles,
        rules: generated,
        series,
        evalTime: `${minutes}m`,
        alertName: SLO_BURN_ALERT_NAME,
        firing: [
          { slo: 'weekly-fast-availability', severity: 'page' },
          { slo: 'weekly-fast-availability', severity: 'ticket' },
        ],
      }),
    );
    const result = await testRules(testFile);
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
    expect(result.exitCode).toBe(0);

    // The card judges the same counts with the same policy.
    const cardState = (errors: number) =>
      evaluateSloBudget({
        objective: 0.99,
        periodSeconds: WEEK,
        period: { good: (1000 - errors) * minutes, total: 1000 * minutes },
        windows: Object.fromEntries(
          burnRateWindowsForPeriod(WEEK).map(({ id, seconds }) => [
            id,
            {
              good: ((1000 - errors) * seconds) / 60,
              total: (1000 * seconds) / 60,
            },
          ]),
        ),
      }).alerts.state;
    expect(cardState(5)).toBe('ok');
    expect(cardState(200)).toBe('page');
  });

  it("exports the burn-rate conditions of an SLO's OpenSLO AlertPolicy instead of the default alerts (promtool test rules)", async () => {
    const text = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-service-availability
spec:
  service: ledger-service
  indicator:
    metadata:
      name: ledger-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="ledger-service",code=~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="ledger-service"}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
  alertPolicies:
    - alertPolicyRef: ledger-burn
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: ledger-burn
spec:
  alertWhenBreaching: true
  conditions:
    - conditionRef: ledger-burn-2h
  notificationTargets:
    - targetRef: ledger-oncall
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: ledger-burn-2h
spec:
  severity: sev2
  condition:
    kind: burnrate
    threshold: 4
    lookbackWindow: 2h
    alertAfter: 10m
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: ledger-oncall
spec:
  target: slack
`;
    const { definitions, problems } = parseOpenSloDocuments(text, {
      entityRef: 'component:default/ledger-service',
      file: 'ledger.yaml',
    });
    expect(problems).toEqual([]);
    const rules = generateSloRules({
      entityRef: 'component:default/ledger-service',
      slos: definitions,
      owner: 'group:default/team-payments',
    });
    expect(rules.problems).toEqual([]);
    const alerts = rules.groups[0].rules.filter(rule => 'alert' in rule);
    expect(alerts).toEqual([
      {
        alert: SLO_BURN_ALERT_NAME,
        expr: 'slo:sli_error:ratio_rate2h{slo="ledger-service-availability",service="ledger-service"} >= (4 * 0.001)',
        for: '10m',
        labels: {
          severity: 'sev2',
          slo: 'ledger-service-availability',
          service: 'ledger-service',
          alert_policy: 'ledger-burn',
          notification_targets: 'ledger-oncall: slack',
          entity: 'component:default/ledger-service',
          owner: 'group:default/team-payments',
        },
        annotations: expect.objectContaining({
          description: expect.stringContaining(
            'alert policy ledger-burn, burn rate >= 4 over 2h for 10m',
          ),
        }),
      },
    ]);
    const ruleFile = 'ledger.rules.yml';
    await writeFile(path.join(dir, ruleFile), rules.yaml);
    const check = await checkRules(path.join(dir, ruleFile));
    expect(check.exitCode).toBe(0);

    // 5 errors a minute in 1,000 is a burn rate of 5: above the policy's 4,
    // for long enough at 150m; the default policy would only have opened a
    // ticket, and its severities are gone.
    const series = [
      {
        series: 'http_requests_total{service="ledger-service",code="200"}',
        values: '0+995x180',
      },
      {
        series: 'http_requests_total{service="ledger-service",code="500"}',
        values: '0+5x180',
      },
    ];
    const testFile = path.join(dir, 'ledger-alerts.test.yml');
    await writeFile(
      testFile,
      ruleUnitTest({
        ruleFiles: [ruleFile],
        rules: [rules],
        series,
        evalTime: '150m',
        alertName: SLO_BURN_ALERT_NAME,
        firing: [{ slo: 'ledger-service-availability', severity: 'sev2' }],
      }),
    );
    const passing = await testRules(testFile);
    expect(`${passing.stdout}${passing.stderr}`).toContain('SUCCESS');
    expect(passing.exitCode).toBe(0);

    // alertWhenNoData: the alert also fires when the SLI has no data.
    const noData = generateSloRules({
      entityRef: 'component:default/ledger-service',
      slos: definitions.map(definition => ({
        ...definition,
        alertPolicies: definition.alertPolicies!.map(policy => ({
          ...policy,
          alertWhenNoData: true,
        })),
      })),
    });
    const [alert] = noData.groups[0].rules.filter(rule => 'alert' in rule);
    expect(alert.expr).toBe(
      'slo:sli_error:ratio_rate2h{slo="ledger-service-availability",service="ledger-service"} >= (4 * 0.001)\nor\nabsent(slo:sli_error:ratio_rate2h{slo="ledger-service-availability",service="ledger-service"})',
    );
    const noDataFile = 'ledger-nodata.rules.yml';
    await writeFile(path.join(dir, noDataFile), noData.yaml);
    const silentFile = path.join(dir, 'ledger-nodata.test.yml');
    await writeFile(
      silentFile,
      ruleUnitTest({
        ruleFiles: [noDataFile],
        rules: [noData],
        series: [
          {
            series: 'http_requests_total{service="other",code="200"}',
            values: '0+1x180',
          },
        ],
        evalTime: '150m',
        alertName: SLO_BURN_ALERT_NAME,
        firing: [{ slo: 'ledger-service-availability', severity: 'sev2' }],
      }),
    );
    const silent = await testRules(silentFile);
    expect(`${silent.stdout}${silent.stderr}`).toContain('SUCCESS');
    expect(silent.exitCode).toBe(0);
  });
});

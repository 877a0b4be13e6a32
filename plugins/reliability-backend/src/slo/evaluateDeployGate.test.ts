import type {
  EntitySlosResponse,
  SloStatusView,
} from '@preflight/plugin-reliability-common';
import type {
  SloDefinition,
  SloMeasurement,
} from '@preflight/plugin-reliability-node';
import { evaluateDeployGate } from './evaluateDeployGate';
import { evaluateMeasurement } from './evaluateMeasurement';

const now = new Date('2026-11-22T08:00:00.000Z');
const definition: SloDefinition = {
  id: 'availability',
  name: 'availability',
  displayName: 'Checkout availability',
  service: 'checkout',
  entityRef: 'component:default/checkout',
  file: 'slos.yaml',
  indicatorName: 'non-5xx',
  indicator: {
    kind: 'ratio-bad',
    counter: true,
    badQuery: 'errors',
    totalQuery: 'requests',
  },
  window: '30d',
  windowSeconds: 30 * 86_400,
  rolling: true,
  budgetingMethod: 'Occurrences',
  objectiveIndex: 0,
  target: 0.999,
};

// 1,000 requests a minute; 2% errors (burn rate 20) over the long windows.
// The service stopped reporting 10 minutes ago: the 5m and 30m windows have
// no series at all.
function stoppedWhileBurning(): SloMeasurement {
  const counts = (minutes: number, errorRatio: number) => ({
    good: 1000 * minutes * (1 - errorRatio),
    total: 1000 * minutes,
  });
  return {
    ref: 'component:default/checkout/availability',
    entityRef: definition.entityRef,
    sloId: definition.id,
    evaluatedAt: now.toISOString(),
    period: counts(43_200, 0.0004),
    windows: {
      '5m': null,
      '30m': null,
      '1h': counts(60, 0.02),
      '2h': counts(120, 0.02),
      '6h': counts(360, 0.004),
      '1d': counts(1440, 0.001),
      '3d': counts(4320, 0.0005),
    },
    warnings: [],
    errors: [],
  };
}

function view(): EntitySlosResponse {
  const status = evaluateMeasurement(definition, stoppedWhileBurning());
  const slo: SloStatusView = {
    id: definition.id,
    name: definition.name,
    displayName: definition.displayName,
    file: definition.file,
    indicatorKind: 'ratio',
    objective: definition.target,
    window: definition.window,
    windowSeconds: definition.windowSeconds,
    rolling: true,
    budgetingMethod: 'Occurrences',
    sourceId: 'prometheus:main',
    state: status.state,
    evaluation: status.evaluation,
    burnDown: [],
    evaluatedAt: now.toISOString(),
    queryLinks: [],
    errors: [],
    warnings: [],
  };
  return {
    entityRef: definition.entityRef,
    slos: [slo],
    problems: [],
    sources: [],
    generatedAt: now.toISOString(),
  };
}

describe('evaluateDeployGate', () => {
  it('shows a burning SLO whose metrics stopped as unknown, not ok', () => {
    const evaluation = view().slos[0].evaluation!;
    expect(evaluation.alerts.state).toBe('unknown');
    expect(
      evaluation.alerts.unknown?.map(r => [r.severity, r.longWindow]),
    ).toEqual([['page', '1h']]);
  });

  it('blocks a deploy while a page-level alert is unknown because the metrics stopped', () => {
    const gate = evaluateDeployGate(view(), {
      now,
      staleAfterMs: 600_000,
    });
    expect(gate.allowed).toBe(false);
    expect(gate.reasons).toEqual([
      {
        sloId: 'availability',
        kind: 'page-alert-unknown',
        message: expect.stringContaining(
          'burn rate 20.0 over 1h and no data over 5m',
        ),
      },
    ]);
  });

  it('allows it, listing the SLO as unknown, when the policy says so', () => {
    const gate = evaluateDeployGate(view(), {
      now,
      staleAfterMs: 600_000,
      policy: { unknownPageAlert: 'allow' },
    });
    expect(gate.allowed).toBe(true);
    expect(gate.unknown).toEqual([
      {
        sloId: 'availability',
        message: expect.stringContaining('its metrics stopped'),
      },
    ]);
  });
});

describe('evaluateDeployGate on a source that keeps failing', () => {
  it('names the source’s error, not only the age, when the data is old', () => {
    const reason =
      'Prometheus instance "vm" answered 422 (HTTP 422): cannot select more than -search.maxSamplesPerQuery=1000000 samples';
    const slos = view();
    slos.sources = [
      {
        id: 'prometheus:main',
        type: 'prometheus',
        displayName: 'Prometheus main',
        lastAttemptAt: now.toISOString(),
        lastSuccessAt: '2026-11-22T06:00:00.000Z',
        lastError: reason,
        errorSince: '2026-11-22T06:05:00.000Z',
        stale: true,
        ageSeconds: 7200,
        warnings: [],
      },
    ];
    const gate = evaluateDeployGate(slos, {
      now: new Date(now.getTime() + 2 * 3_600_000),
      staleAfterMs: 600_000,
      policy: { unknownPageAlert: 'allow' },
    });

    expect(gate.allowed).toBe(false);
    expect(gate.reasons.find(r => r.kind === 'stale-data')?.message).toBe(
      `Checkout availability was last measured 120 minutes ago; the gate needs data younger than 10 minutes; the last measurement of Prometheus main failed: ${reason}`,
    );
  });

  it('names the SLO’s own measurement error when only its queries failed', () => {
    const reason =
      'SLO "availability" of component:default/checkout: the 30d counts query failed. Prometheus instance "vm" answered 422 (HTTP 422): cannot select more than -search.maxSamplesPerQuery=1000000 samples';
    const slos = view();
    slos.slos[0].errors = [reason];
    const gate = evaluateDeployGate(slos, {
      now: new Date(now.getTime() + 2 * 3_600_000),
      staleAfterMs: 600_000,
      policy: { unknownPageAlert: 'allow' },
    });

    expect(gate.reasons.find(r => r.kind === 'stale-data')?.message).toBe(
      `Checkout availability was last measured 120 minutes ago; the gate needs data younger than 10 minutes; its last measurement failed: ${reason}`,
    );
  });
});

describe('evaluateDeployGate decision', () => {
  // Prometheus refused the connection on every run since the backend started.
  function neverReached(): EntitySlosResponse {
    const slos = view();
    const { evaluation: _never, ...slo } = slos.slos[0];
    slos.slos = [{ ...slo, state: 'awaiting-sync', evaluatedAt: null }];
    slos.sources = [
      {
        id: 'prometheus:main',
        type: 'prometheus',
        displayName: 'Prometheus main',
        lastAttemptAt: '2026-11-22T07:59:00.000Z',
        lastSuccessAt: null,
        lastError: 'connect ECONNREFUSED 127.0.0.1:9090',
        errorSince: '2026-11-22T07:00:00.000Z',
        stale: true,
        ageSeconds: null,
        warnings: [],
      },
    ];
    return slos;
  }

  it('is unknown, and not allowed, when the source never answered', () => {
    const gate = evaluateDeployGate(neverReached(), {
      now,
      staleAfterMs: 600_000,
    });
    expect(gate).toMatchObject({
      decision: 'unknown',
      onUnknown: 'block',
      allowed: false,
    });
    expect(gate.reasons).toEqual([
      {
        sloId: 'availability',
        kind: 'slo-not-measured',
        message:
          'Checkout availability has not been measured: Prometheus main has never answered: connect ECONNREFUSED 127.0.0.1:9090 (last tried 2026-11-22T07:59:00.000Z)',
      },
    ]);
  });

  it('lets an unknown decision through only when onUnknown is allow', () => {
    const gate = evaluateDeployGate(neverReached(), {
      now,
      staleAfterMs: 600_000,
      policy: { onUnknown: 'allow' },
    });
    expect(gate.decision).toBe('unknown');
    expect(gate.allowed).toBe(true);
    expect(gate.reasons.map(r => r.kind)).toEqual(['slo-not-measured']);
  });

  it('is unknown on stale data, and block when something also blocks', () => {
    const later = new Date(now.getTime() + 2 * 3_600_000);
    const lenient = evaluateDeployGate(view(), {
      now: later,
      staleAfterMs: 600_000,
      policy: { unknownPageAlert: 'allow', onUnknown: 'allow' },
    });
    expect(lenient).toMatchObject({ decision: 'unknown', allowed: true });
    const strict = evaluateDeployGate(view(), {
      now: later,
      staleAfterMs: 600_000,
    });
    expect(strict.decision).toBe('block');
    expect(strict.reasons.map(r => r.kind)).toEqual([
      'stale-data',
      'page-alert-unknown',
    ]);
  });

  it('counts an SLO that cannot be measured as declared as unknown', () => {
    const slos = neverReached();
    const { sourceId: _none, ...slo } = slos.slos[0];
    slos.slos = [
      {
        ...slo,
        state: 'error',
        errors: ['instance "eu" is not configured (field spec.indicator)'],
      },
    ];
    slos.problems = [
      {
        entityRef: definition.entityRef,
        file: 'broken.yaml',
        field: '(whole file)',
        message: 'not YAML',
      },
    ];
    const gate = evaluateDeployGate(slos, { now, staleAfterMs: 600_000 });
    expect(gate.decision).toBe('unknown');
    expect(gate.reasons).toEqual([
      {
        sloId: 'availability',
        kind: 'slo-invalid',
        message:
          'Checkout availability cannot be measured: instance "eu" is not configured (field spec.indicator)',
      },
      {
        kind: 'slo-invalid',
        message: 'broken.yaml, (whole file): not YAML',
      },
    ]);
  });

  it('allows a measured SLO with no traffic, noting it', () => {
    const slos = view();
    const evaluation = slos.slos[0].evaluation!;
    slos.slos[0] = {
      ...slos.slos[0],
      state: 'no-data',
      evaluation: {
        ...evaluation,
        attainment: null,
        budgetRemaining: null,
        alerts: { ...evaluation.alerts, state: 'ok', firing: [], unknown: [] },
      },
    };
    const gate = evaluateDeployGate(slos, { now, staleAfterMs: 600_000 });
    expect(gate).toMatchObject({
      decision: 'allow',
      allowed: true,
      reasons: [],
      unknown: [
        {
          sloId: 'availability',
          message: 'Checkout availability had no traffic in its 30d window',
        },
      ],
    });
  });
});

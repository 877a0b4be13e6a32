import {
  ANNOTATION_OPENSLO,
  BurnRateWindowId,
  computeBurnDownSeries,
  decideDeployGate,
  DeployGateResponse,
  EntitySlosResponse,
  evaluateSloBudget,
  isDeployAllowed,
  SloEventCounts,
  SloStatusView,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { componentEntity, minutesFromNow, NOW } from './summaryFixtures';

const DAY = 86_400;
const WINDOWS: BurnRateWindowId[] = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

/** A component that declares SLOs. */
export function sloEntity(name = 'checkout-api') {
  return componentEntity(name, {
    [ANNOTATION_OPENSLO]: `./slos/${name}.yaml`,
  });
}

export function prometheusSource(
  overrides: Partial<SourceHealth> = {},
): SourceHealth {
  return {
    id: 'prometheus:main',
    type: 'prometheus',
    displayName: 'Prometheus main',
    lastAttemptAt: minutesFromNow(-3),
    lastSuccessAt: minutesFromNow(-3),
    lastError: null,
    errorSince: null,
    stale: false,
    ageSeconds: 180,
    warnings: [],
    ...overrides,
  };
}

/** Event counts with the given error ratio, per million events. */
function counts(errorRatio: number, total = 1_000_000): SloEventCounts {
  return { good: total * (1 - errorRatio), total };
}

interface SloShape {
  id: string;
  displayName: string;
  objective: number;
  days: number;
  /** Error ratio over the whole window; `null` for no traffic. */
  periodErrorRatio: number | null;
  /**
   * Error ratio per burn-rate window; missing windows use the period's,
   * `null` means no data at all in the window (the metrics stopped).
   */
  windowErrorRatios?: Partial<Record<BurnRateWindowId, number | null>>;
}

/** An SLO measured from the given error ratios with the real SLO arithmetic. */
export function measuredSlo(
  shape: SloShape,
  overrides: Partial<SloStatusView> = {},
): SloStatusView {
  const periodSeconds = shape.days * DAY;
  const ratio = shape.periodErrorRatio;
  const evaluation = evaluateSloBudget({
    objective: shape.objective,
    periodSeconds,
    period: ratio === null ? null : counts(ratio),
    windows: Object.fromEntries(
      WINDOWS.map(window => {
        const given = shape.windowErrorRatios?.[window];
        const windowRatio = given === undefined ? ratio : given;
        return [
          window,
          windowRatio === null ? null : counts(windowRatio, 10_000),
        ];
      }),
    ),
  });
  const windowStart = new Date(NOW.getTime() - periodSeconds * 1000);
  const burnDown = computeBurnDownSeries({
    objective: shape.objective,
    periodSeconds,
    windowStart: windowStart.toISOString(),
    buckets: Array.from({ length: shape.days }, (_, day) => ({
      timestamp: new Date(
        windowStart.getTime() + (day + 1) * DAY * 1000,
      ).toISOString(),
      good: ratio === null ? 0 : 1000 * (1 - ratio),
      total: ratio === null ? 0 : 1000,
    })),
  });
  return {
    id: shape.id,
    name: shape.id,
    displayName: shape.displayName,
    file: 'slos/checkout-api.yaml',
    indicatorKind: 'ratio',
    objective: shape.objective,
    window: `${shape.days}d`,
    windowSeconds: periodSeconds,
    rolling: true,
    budgetingMethod: 'Occurrences',
    sourceId: 'prometheus:main',
    state: ratio === null ? 'no-data' : 'ok',
    evaluation,
    burnDown,
    evaluatedAt: minutesFromNow(-3),
    queryLinks: [
      {
        title: 'Error ratio in Prometheus',
        url: `https://prometheus.example.com/graph?g0.expr=${encodeURIComponent(
          `slo:${shape.id}:error_ratio`,
        )}`,
      },
    ],
    errors: [],
    warnings: [],
    ...overrides,
  };
}

/** 99.9% over 30d, half the budget left, burning at 0.5. */
export function healthySlo(overrides: Partial<SloStatusView> = {}) {
  return measuredSlo(
    {
      id: 'checkout-api-availability',
      displayName: 'Checkout API availability',
      objective: 0.999,
      days: 30,
      periodErrorRatio: 0.0005,
    },
    overrides,
  );
}

/** 99% over 28d, burning at 20× in the last hour: a page fires. */
export function burningSlo(overrides: Partial<SloStatusView> = {}) {
  return measuredSlo(
    {
      id: 'checkout-api-latency',
      displayName: 'Checkout API latency',
      objective: 0.99,
      days: 28,
      periodErrorRatio: 0.008,
      windowErrorRatios: { '5m': 0.2, '30m': 0.2, '1h': 0.2, '6h': 0.1 },
    },
    overrides,
  );
}

/** 99.9% over 30d, burning at 20× over the last hours, no data for 10 minutes. */
export function stoppedBurningSlo(overrides: Partial<SloStatusView> = {}) {
  return measuredSlo(
    {
      id: 'checkout-api-availability',
      displayName: 'Checkout API availability',
      objective: 0.999,
      days: 30,
      periodErrorRatio: 0.0005,
      windowErrorRatios: { '5m': null, '30m': null, '1h': 0.02, '2h': 0.02 },
    },
    overrides,
  );
}

/** 99.9% over 30d with three times the budget spent. */
export function exhaustedSlo(overrides: Partial<SloStatusView> = {}) {
  return measuredSlo(
    {
      id: 'ledger-availability',
      displayName: 'Ledger availability',
      objective: 0.999,
      days: 30,
      periodErrorRatio: 0.003,
    },
    overrides,
  );
}

/** Zero traffic over the window and every burn-rate window. */
export function noTrafficSlo(overrides: Partial<SloStatusView> = {}) {
  return measuredSlo(
    {
      id: 'fraud-availability',
      displayName: 'Fraud checks availability',
      objective: 0.9995,
      days: 7,
      periodErrorRatio: null,
    },
    overrides,
  );
}

/** Declared, never measured. */
export function awaitingSyncSlo(
  overrides: Partial<SloStatusView> = {},
): SloStatusView {
  return {
    ...healthySlo(),
    state: 'awaiting-sync',
    evaluation: undefined,
    burnDown: [],
    evaluatedAt: null,
    ...overrides,
  };
}

export function slosResponse(
  overrides: Partial<EntitySlosResponse> = {},
): EntitySlosResponse {
  return {
    entityRef: 'component:default/checkout-api',
    slos: [healthySlo()],
    problems: [],
    sources: [prometheusSource()],
    generatedAt: NOW.toISOString(),
    ...overrides,
  };
}

export function gateResponse(
  overrides: Partial<DeployGateResponse> = {},
): DeployGateResponse {
  // Derived as the backend derives them, unless a test says otherwise.
  const decision =
    overrides.decision ?? decideDeployGate(overrides.reasons ?? []);
  const onUnknown = overrides.onUnknown ?? 'block';
  return {
    entityRef: 'component:default/checkout-api',
    decision,
    onUnknown,
    allowed: isDeployAllowed(decision, onUnknown),
    reasons: [],
    unknown: [],
    evaluatedAt: NOW.toISOString(),
    ...overrides,
  };
}

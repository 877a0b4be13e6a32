import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  OnCallSnapshot,
  readPagerDutyLocation,
} from '@preflight/plugin-reliability-common';
import type {
  OnCallAnnotationHints,
  OnCallProvider,
  OnCallReportData,
  OnCallReportSyncOptions,
  OnCallServiceLocation,
  OnCallSourceInfo,
  OnCallSyncOptions,
} from '@preflight/plugin-reliability-node';

/**
 * An in-memory on-call provider of type `pagerduty` with one source,
 * `pagerduty:default`. It reads the real PagerDuty annotations, and serves
 * whatever snapshot the test sets (or fails, when the test says so). Every
 * method is a jest mock so tests can tell which ones were called.
 */
export class FakeOnCallProvider implements OnCallProvider {
  readonly type = 'pagerduty';
  readonly source: OnCallSourceInfo = {
    id: 'pagerduty:default',
    type: 'pagerduty',
    displayName: 'PagerDuty (default)',
  };
  /** The PagerDuty annotations, as the PagerDuty module names them. */
  readonly annotationHints: OnCallAnnotationHints = {
    serviceIdAnnotation: ANNOTATION_PAGERDUTY_SERVICE_ID,
    sourceAnnotation: ANNOTATION_PAGERDUTY_ACCOUNT,
    unknownServiceFix: `Check "${ANNOTATION_PAGERDUTY_SERVICE_ID}".`,
  };

  /** What the next sync returns. */
  snapshot: OnCallSnapshot = {
    services: [],
    policies: [],
    incidentStats: [],
    warnings: [],
  };
  /** When set, syncs fail with this error. */
  failWith: Error | undefined;

  readonly listSources = jest.fn((): OnCallSourceInfo[] => [this.source]);

  readonly locateService = jest.fn(
    (entity: Entity): OnCallServiceLocation | undefined => {
      const location = readPagerDutyLocation(entity);
      if (location.kind === 'absent') {
        return undefined;
      }
      if (location.kind === 'problem') {
        return { problem: location.problem };
      }
      return {
        sourceId: `pagerduty:${location.value.account ?? 'default'}`,
        serviceId: location.value.serviceId,
      };
    },
  );

  readonly syncSource = jest.fn(
    async (
      _sourceId: string,
      _options: OnCallSyncOptions,
    ): Promise<OnCallSnapshot> => {
      if (this.failWith) {
        throw this.failWith;
      }
      return structuredClone(this.snapshot);
    },
  );

  readonly syncService = jest.fn(
    async (
      _sourceId: string,
      serviceId: string,
      _options: OnCallSyncOptions,
    ): Promise<OnCallSnapshot> => {
      if (this.failWith) {
        throw this.failWith;
      }
      const service = this.snapshot.services.find(s => s.id === serviceId);
      return structuredClone({
        services: service ? [service] : [],
        policies: this.snapshot.policies.filter(
          p => p.id === service?.escalationPolicyId,
        ),
        incidentStats: this.snapshot.incidentStats.filter(
          s => s.serviceId === serviceId,
        ),
        warnings: [],
      });
    },
  );

  /**
   * Report reads, absent until a test calls {@link enableReportData}: most
   * tests run without report data, as a provider without the capability.
   */
  syncReportData?: jest.Mock<
    Promise<OnCallReportData>,
    [string, OnCallReportSyncOptions]
  >;

  /** Makes report reads return `data` (or fail with `failWith`). */
  enableReportData(data: OnCallReportData): void {
    this.syncReportData = jest.fn(
      async (_sourceId: string, _options: OnCallReportSyncOptions) => {
        if (this.failWith) {
          throw this.failWith;
        }
        return structuredClone(data);
      },
    );
  }
}

import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Preflight reliability plugin. */
  reliability?: {
    /**
     * How on-call sources (e.g. each PagerDuty account) are synced. Each
     * source gets its own scheduler task `reliability-sync-<sourceId>`, run by
     * one backend replica at a time.
     */
    sync?: {
      /**
       * How often each source is synced: a duration object such as
       * `{ minutes: 5 }`, an ISO 8601 duration such as `PT5M`, a string such
       * as `5m`, or `{ cron: '*\/5 * * * *' }`. Default: 5 minutes.
       */
      frequency?: HumanDuration | string | { cron: string };
      /**
       * Deadline of one sync; the sync is aborted and recorded as failed when
       * it is reached. Default: 10 minutes.
       */
      timeout?: HumanDuration | string;
      /**
       * Delay before the first sync after the backend starts. Default: 5
       * seconds, so a freshly started portal shows data quickly.
       */
      initialDelay?: HumanDuration | string;
      /**
       * A source's data is shown as stale when its last successful sync is
       * older than this, or when its last attempt failed. Default: 30 minutes.
       */
      staleAfter?: HumanDuration | string;
    };
    /**
     * Limits of the explicit "refresh this entity now" action, the only
     * per-entity path to upstream sources.
     */
    refresh?: {
      /**
       * Minimum time between two refreshes of the same entity, by anyone.
       * Default: 30 seconds.
       */
      perEntityInterval?: HumanDuration | string;
      /**
       * How many refreshes one user may make per minute, across all
       * entities. Default: 10.
       */
      perUserPerMinute?: number;
      /** Deadline of one refresh's upstream calls. Default: 30 seconds. */
      timeout?: HumanDuration | string;
    };
    /**
     * SLOs declared with the `preflight.dev/openslo` annotation. Each SLO
     * source (e.g. each Prometheus instance) gets its own scheduler task
     * `reliability-slo-sync-<sourceId>`, run by one backend replica at a time.
     */
    slos?: {
      /** Same keys as `reliability.sync`, with SLO defaults. */
      sync?: {
        /**
         * How often each SLO source is measured. Default: 1 minute, so
         * page-level burn alerts (5-minute short window) and the deploy gate
         * stay current; batched queries keep a run cheap.
         */
        frequency?: HumanDuration | string | { cron: string };
        /** Deadline of one SLO sync. Default: 2 minutes. */
        timeout?: HumanDuration | string;
        /** Delay before the first SLO sync after start. Default: 5 seconds. */
        initialDelay?: HumanDuration | string;
        /**
         * SLO evaluations older than this are shown as stale and block
         * deploys through the deploy gate. Default: 10 minutes.
         */
        staleAfter?: HumanDuration | string;
      };
    };
  };
}

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
     * Production-readiness scorecards. Everything is optional: with nothing
     * set, every registered check (the built-in library and the checks of
     * installed modules) runs with its defaults, in the default levels
     * bronze, silver and gold. The rubric may live in its own file:
     * `scorecards: { $include: ./scorecards.yaml }` (the path is relative to
     * the config file that contains it). Every value is validated at
     * startup; a bad one stops the backend with one error listing every
     * problem and its path, e.g.
     * `reliability.scorecards.levels[1].checks[2]: unknown check "slo-foo"`.
     */
    scorecards?: {
      /**
       * Entity kinds that get a scorecard (an entity of these kinds is in
       * scope when at least one check applies to it). Default: component,
       * api, resource, system.
       */
      kinds?: string[];
      /**
       * The checks of the rubric. When omitted, every registered check with
       * its defaults. When given, only these checks run.
       */
      checks?: Array<{
        /** Id used by levels, exemptions and results, e.g. `slo-defined`. */
        id: string;
        /**
         * The implementation it runs (a built-in check id or one added by a
         * module); default: the same as `id`. Lets one implementation be
         * configured twice, e.g. a stricter copy for a level.
         */
        check?: string;
        /** Shown to users; default: the implementation's. */
        title?: string;
        /** e.g. ownership, on-call, runbooks, slos, incidents, documentation, metadata. */
        category?: string;
        description?: string;
        /** How to fix a failing check: text and a link to a guide. */
        fix?: { text?: string; url?: string };
        /**
         * Entities the check applies to; an absent list matches everything.
         * Tiers are values of the `preflight.dev/tier` annotation.
         */
        appliesTo?: {
          kinds?: string[];
          types?: string[];
          lifecycles?: string[];
          tiers?: string[];
        };
        /**
         * Thresholds, e.g. `{ maxMttrMinutes: 240 }`; only the params the
         * implementation declares are accepted.
         */
        params?: { [name: string]: string | number | boolean };
        /**
         * Threshold overrides by tier, e.g.
         * `{ tier-1: { maxMttrMinutes: 60 } }`.
         */
        tiers?: {
          [tier: string]: { [name: string]: string | number | boolean };
        };
      }>;
      /**
       * Levels, lowest first; cumulative (an entity reaches a level when
       * every check of it and of every lower level passes). Default: bronze,
       * silver, gold with the built-in checks.
       */
      levels?: Array<{
        id: string;
        title: string;
        /** Ids of the checks this level adds. */
        checks: string[];
      }>;
      /**
       * Schedule of the evaluation task `reliability-scorecards-evaluate`
       * (global: one replica at a time). Each successful on-call or SLO sync
       * also triggers it. Default: every 10 minutes, timeout 10 minutes,
       * first run 30 seconds after start.
       */
      schedule?: {
        frequency:
          | HumanDuration
          | string
          | { cron: string }
          | { trigger: 'manual' };
        timeout: HumanDuration | string;
        initialDelay?: HumanDuration | string;
      };
      /** Scorecard history (state changes and one snapshot per day). */
      history?: {
        /** Days of history kept. Default: 400. */
        retentionDays?: number;
      };
    };
    /**
     * Readiness review checklists: templates of sections and items that a
     * service's DRI answers and reviewer groups sign off per stage (e.g.
     * `beta`, `ga`). Inline, or from its own file with
     * `reviews: { $include: ./reviews.yaml }`. Validated at startup against
     * the scorecard rubric: every problem is reported with its path, e.g.
     * `reliability.reviews.templates[0].sections[1].items[2].check: unknown check "slo-foo"`.
     */
    reviews?: {
      /**
       * Whether the DRI (who opened a review) may sign its sections. Default
       * false: separation of duties; small organisations may allow it.
       */
      allowDriSignoff?: boolean;
      /**
       * Whether review changes notify people through the Backstage
       * notifications plugin, when its backend is installed: the reviewer
       * groups on submit, the DRI on changes requested and on approval, the
       * entity's owner on drift. Default true; false sends nothing.
       */
      notifications?: boolean;
      /**
       * When set, the deploy gate also blocks entities of these tiers that
       * lack an approved, non-drifted review for one of these stages.
       */
      gate?: {
        /** Stages needing an approved review, e.g. `[ga]`. */
        stages: string[];
        /** Tiers gated (`preflight.dev/tier`); absent: every tier. */
        tiers?: string[];
      };
      /** The review templates. */
      templates?: Array<{
        /** Unique id, e.g. `ga-readiness`. */
        id: string;
        title: string;
        description?: string;
        /** Entities the template applies to; an absent list matches everything. */
        appliesTo?: {
          kinds?: string[];
          types?: string[];
          lifecycles?: string[];
          tiers?: string[];
        };
        /** Stages a review can be opened for, e.g. `[beta, ga]`. */
        stages: string[];
        sections: Array<{
          /** Unique within the template, e.g. `oncall`. */
          id: string;
          title: string;
          description?: string;
          /** Catalog groups whose members sign this section, e.g. `group:default/sre`. */
          reviewerGroups: string[];
          /**
           * Check items `{ id, check }` (bound to a scorecard rubric check,
           * live) or attestations `{ id, question, evidence, reaffirmEvery }`.
           * Item ids are unique within the template.
           */
          items: Array<{
            id: string;
            /** A check item: the rubric check id. */
            check?: string;
            /** An attestation: the question answered yes, no or not-applicable. */
            question?: string;
            description?: string;
            /** An attestation: whether evidence links are needed. Default `optional`. */
            evidence?: 'required' | 'optional' | 'none';
            /** An attestation: after how long a yes expires, e.g. `90d`, `12w`. */
            reaffirmEvery?: string;
            /** Stages the item applies to; absent: every stage. */
            stages?: string[];
            /** Tiers the item applies to; absent: every tier. */
            tiers?: string[];
          }>;
        }>;
      }>;
    };
    /**
     * SLOs declared with the `preflight.dev/openslo` annotation. Each SLO
     * source (e.g. each Prometheus instance) gets its own scheduler task
     * `reliability-slo-sync-<sourceId>`, run by one backend replica at a time.
     */
    /**
     * Reliability reports. Report data (incidents with their timing, change
     * events, level-1 shifts) is read right after each successful on-call
     * sync and folded into daily rows in `timeZone`; reports add those up.
     */
    reports?: {
      /** IANA zone of the report days; the only zone reports answer in. Default UTC. */
      timeZone?: string;
      /** Minutes after a change in which a high-urgency incident fails it. Default 60. */
      changeFailureWindowMinutes?: number;
      /** Unacknowledged incidents resolved within this many minutes are noise. Default 5. */
      transientMinutes?: number;
      /** Days the first report sync of a source reads back. Default 400. */
      historyDays?: number;
      /** Days each later report sync re-reads before the previous end. Default 3. */
      resyncDays?: number;
      /** Business and sleep hours of pages, in each paged person's zone. */
      onCallHours?: {
        /** ISO weekdays, 1 Monday … 7 Sunday. Default Monday to Friday. */
        businessDays?: number[];
        /** `HH:MM`. Default 09:00. */
        businessStart?: string;
        /** `HH:MM`. Default 18:00. */
        businessEnd?: string;
        /** `HH:MM`; may be after the end (wraps midnight). Default 22:00. */
        sleepStart?: string;
        /** `HH:MM`. Default 07:00. */
        sleepEnd?: string;
      };
      /**
       * Monthly digest through Backstage notifications: each team owning
       * entities with report data gets its last month's headline figures,
       * with the change from the month before, linking to its report tab.
       * Sent once per team and month, whichever replica runs the task and
       * however often it runs. Nothing is sent without the notifications
       * backend.
       */
      digest?: {
        /** Default false. */
        enabled?: boolean;
        /**
         * When the digest task runs (scheduler task
         * `reliability-report-digest`). A team already digested this month
         * is skipped, so a run every few hours sends soon after the month
         * ends and after a failure. Default: every 6 hours, 30-minute
         * timeout, first run 5 minutes after start.
         */
        schedule?: {
          frequency:
            | HumanDuration
            | string
            | { cron: string }
            | { trigger: 'manual' };
          timeout: HumanDuration | string;
          initialDelay?: HumanDuration | string;
        };
      };
    };
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
      /**
       * Longest SLO window an OpenSLO file may declare; a longer one is a
       * problem on its `timeWindow[0].duration`. Default: 90 days. Keep it
       * within what the metrics source retains: a window longer than the
       * data is measured over the data there is, and the card says so.
       */
      maxWindow?: HumanDuration | string;
      /** The error-budget policy of the deploy gate. */
      deployGate?: {
        /**
         * What a page-level burn-rate alert whose state is unknown does to a
         * deploy: its long window burns over the threshold while its short
         * window has no data at all (the service stopped reporting, so
         * nothing says it stopped failing). `block` (default) or `allow`.
         */
        unknownPageAlert?: 'block' | 'allow';
        /**
         * What the gate's `allowed` says when its decision is `unknown`:
         * nothing blocks, but some SLO cannot be judged (no measurement yet,
         * its source never answered, data older than `sync.staleAfter`, a
         * declaration that cannot be read). `block` (default): a gate that
         * cannot see must not wave a deploy through, and an outage of the
         * metrics source must not silently turn the guard off. `allow`
         * keeps deploys flowing while Prometheus is down; the answer still
         * says `decision: unknown` with the reasons.
         */
        onUnknown?: 'block' | 'allow';
      };
    };
  };
}

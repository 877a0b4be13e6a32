export interface Config {
  reliability?: {
    /** PagerDuty source of Preflight. */
    pagerduty?: {
      /**
       * PagerDuty accounts to sync. Each one is an independent source named
       * `pagerduty:<id>`, with its own health and last-known-good data.
       */
      accounts: Array<{
        /**
         * Account id, used in the `pagerduty.com/account` annotation and in
         * source ids. Letters, digits, "-" and "_".
         */
        id: string;
        /**
         * REST API base URL. Defaults to https://api.pagerduty.com; EU
         * accounts use https://api.eu.pagerduty.com.
         */
        baseUrl?: string;
        /**
         * REST API key (read-only is enough) or OAuth access token.
         * @visibility secret
         */
        token: string;
        /** `token` for a REST API key (default), `bearer` for an OAuth token. */
        tokenType?: 'token' | 'bearer';
        /**
         * Requests per minute for this token, shared by every request that
         * uses it. Defaults to 960, PagerDuty's per-key limit.
         */
        requestsPerMinute?: number;
        /** Deadline of each request in milliseconds. Defaults to 30000. */
        requestTimeoutMs?: number;
        /** Name shown in the UI. Defaults to "PagerDuty (<id>)". */
        displayName?: string;
      }>;
      /**
       * The account of entities without a `pagerduty.com/account`
       * annotation. Defaults to the first account.
       */
      defaultAccount?: string;
      /** How many days of upcoming on-call shifts to sync (1-90). Defaults to 7. */
      onCallHorizonDays?: number;
      /**
       * How many days of past on-call shifts to keep with each escalation
       * policy (0-90). Defaults to 7. Pages per shift does not depend on it:
       * it always reads the shifts of the whole `incidentWindowDays`.
       */
      onCallLookbackDays?: number;
      /**
       * Trailing window of incident statistics in days (1-180): incident
       * counts, MTTA, MTTR and pages per shift. Defaults to 90.
       */
      incidentWindowDays?: number;
      /** Escalation policies per GET /oncalls request (1-100). Defaults to 50. */
      onCallBatchSize?: number;
    };
  };
}

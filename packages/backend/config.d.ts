export interface Config {
  reliability?: {
    /** Settings of the demo backend only; adopters' backends leave them out. */
    demo?: {
      /**
       * Measure SLOs from recorded demo data (source `recorded:demo`,
       * "Recorded demo data (no Prometheus)") instead of a Prometheus
       * server. `scripts/start-demo.sh` turns it on, through
       * app-config.recorded-slos.yaml, when `prometheus` is not installed.
       */
      recordedSlos?: boolean;
      /**
       * Write a year of daily SLO history generated from the demo scenario
       * at start (marked as demo data), so the report's SLO section has a
       * trend on a fresh demo. The demo's app-config.yaml turns it on.
       */
      sloHistory?: boolean;
    };
  };
  auth?: {
    providers?: {
      /** The demo's "sign in as" provider (packages/backend/src/demoSignIn). */
      demoPeople?: {
        /**
         * Must be true for the provider to sign anyone in: it believes the
         * person the browser names. Demo portals on loopback only.
         */
        dangerouslyTrustTheBrowser?: boolean;
      };
    };
  };
}

export interface Config {
  reliability?: {
    /** Settings of the demo backend only; adopters' backends leave them out. */
    demo?: {
      /**
       * Measure SLOs from simulated demo data (source `simulated:demo`,
       * "Simulated demo data (no Prometheus)"), the demo scenario's expected
       * values, instead of a Prometheus server. `scripts/start-demo.sh` turns
       * it on, through app-config.simulated-slos.yaml, when `prometheus` is
       * not installed.
       */
      simulatedSlos?: boolean;
      /**
       * Former name of `simulatedSlos`, read only when `simulatedSlos` is
       * not set; logs a warning.
       * @deprecated Use `simulatedSlos`.
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

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

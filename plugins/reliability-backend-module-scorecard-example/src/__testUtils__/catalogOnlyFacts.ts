import type { EntityReadinessFacts } from '@preflight/plugin-reliability-node';
import type { JsonObject } from '@backstage/types';

/** The facts of a component that only the catalog knows about. */
export function catalogOnlyFacts(
  spec: JsonObject,
  annotations: Record<string, string> = {},
): EntityReadinessFacts {
  return {
    entityRef: 'component:default/checkout-api',
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout-api', annotations },
      spec,
    },
    owner: null,
    onCall: { state: 'not-configured', freshness: null },
    runbooks: [],
    alertRules: { rules: [], freshness: [] },
    slos: { declared: false, slos: [], problems: [], freshness: [] },
    exemptions: [],
    problems: [],
  };
}

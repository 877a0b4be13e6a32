import type {
  CheckContext,
  CheckOutcome,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';

function declaredDependencies(spec: unknown): string[] {
  const dependsOn = (spec as { dependsOn?: unknown } | undefined)?.dependsOn;
  if (!Array.isArray(dependsOn)) {
    return [];
  }
  return [
    ...new Set(
      dependsOn.filter(
        (ref): ref is string => typeof ref === 'string' && ref.trim() !== '',
      ),
    ),
  ];
}

/**
 * `dependencies-declared`: a service lists what it depends on in
 * `spec.dependsOn`, so an incident responder can see the blast radius and
 * the catalog can draw the dependency graph. Reads catalog facts only.
 * @public
 */
export const dependenciesDeclaredCheck: ScorecardCheck = {
  id: 'dependencies-declared',
  defaults: {
    title: 'Dependencies declared',
    category: 'metadata',
    description:
      'The service lists the components and resources it depends on in spec.dependsOn.',
    fix: {
      text: 'Add spec.dependsOn to the entity, e.g. `dependsOn: [resource:default/orders-db]`.',
      url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#specdependson-optional',
    },
    appliesTo: { kinds: ['component'], types: ['service'] },
    params: { minDependencies: 1 },
  },
  evaluate({ facts, params }: CheckContext): CheckOutcome {
    const minimum = Number(params.minDependencies ?? 1);
    const dependencies = declaredDependencies(facts.entity.spec);
    const used = [
      {
        label: 'spec.dependsOn',
        value: dependencies.length > 0 ? dependencies.join(', ') : null,
        sourceId: 'catalog',
      },
      { label: 'Declared dependencies', value: dependencies.length },
      { label: 'Required', value: minimum },
    ];
    if (dependencies.length >= minimum) {
      return {
        state: 'pass',
        message: `${dependencies.length} dependencies declared (at least ${minimum} required).`,
        facts: used,
      };
    }
    return {
      state: 'fail',
      message:
        dependencies.length === 0
          ? `No dependencies declared in spec.dependsOn (at least ${minimum} required).`
          : `Only ${dependencies.length} dependencies declared in spec.dependsOn (at least ${minimum} required).`,
      facts: used,
    };
  },
};

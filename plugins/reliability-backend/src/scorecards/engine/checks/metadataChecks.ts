import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TIER,
  boundUserValue,
} from '@preflight/plugin-reliability-common';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { catalogFact, METADATA_KINDS, outcome } from './checkSupport';

const DESCRIPTOR_DOCS =
  'https://backstage.io/docs/features/software-catalog/descriptor-format';

function specText(entity: Entity, field: string): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Builds a "this catalog field is filled in" check. */
function fieldSetCheck(options: {
  id: string;
  title: string;
  label: string;
  field: string;
  read: (entity: Entity) => string | undefined;
  fix: string;
  url: string;
  kinds: string[];
}): ScorecardCheck {
  return {
    id: options.id,
    defaults: {
      title: options.title,
      category: 'metadata',
      description: `The entity sets ${options.field}.`,
      fix: { text: options.fix, url: options.url },
      appliesTo: { kinds: options.kinds },
    },
    evaluate({ facts }) {
      const raw = options.read(facts.entity);
      // Stored with every evaluation: only the start of a long value.
      const value = raw === undefined ? null : boundUserValue(raw);
      return value
        ? outcome('pass', `${options.label} is ${value}`, [
            catalogFact(options.label, value),
          ])
        : outcome('fail', `${options.field} is not set`, [
            catalogFact(options.label, null),
          ]);
    },
  };
}

/** `preflight.dev/tier` is set. */
export const tierSetCheck = fieldSetCheck({
  id: 'tier-set',
  title: 'Tier set',
  label: 'Tier',
  field: `the ${ANNOTATION_TIER} annotation`,
  read: entity =>
    entity.metadata.annotations?.[ANNOTATION_TIER]?.trim() || undefined,
  fix: `Add the annotation "${ANNOTATION_TIER}: tier-1" (or tier-2, tier-3) so checks use the right thresholds.`,
  url: DESCRIPTOR_DOCS,
  kinds: METADATA_KINDS,
});

/** `spec.lifecycle` is set. */
export const lifecycleSetCheck = fieldSetCheck({
  id: 'lifecycle-set',
  title: 'Lifecycle set',
  label: 'Lifecycle',
  field: 'spec.lifecycle',
  read: entity => specText(entity, 'lifecycle'),
  fix: 'Set spec.lifecycle to experimental, production or deprecated.',
  url: `${DESCRIPTOR_DOCS}#speclifecycle-required`,
  // Only components and APIs have a lifecycle in the catalog's schema.
  kinds: ['component', 'api'],
});

/** `spec.system` is set. */
export const systemSetCheck = fieldSetCheck({
  id: 'system-set',
  title: 'System set',
  label: 'System',
  field: 'spec.system',
  read: entity => specText(entity, 'system'),
  fix: 'Set spec.system to the System this entity is part of, so its dependencies and owners are visible together.',
  url: `${DESCRIPTOR_DOCS}#specsystem-optional`,
  kinds: ['component', 'api', 'resource'],
});

/** Metadata checks. */
export const metadataChecks = [tierSetCheck, lifecycleSetCheck, systemSetCheck];

import { boundUserValue } from '@preflight/plugin-reliability-common';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { catalogFact, METADATA_KINDS, outcome } from './checkSupport';

const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';

/** The entity has TechDocs. */
export const techDocsAnnotationCheck: ScorecardCheck = {
  id: 'techdocs-annotation',
  defaults: {
    title: 'TechDocs',
    category: 'documentation',
    description: `The entity publishes documentation with TechDocs (${ANNOTATION_TECHDOCS_REF}).`,
    fix: {
      text: `Add an mkdocs.yml and docs/ next to the catalog file and the annotation "${ANNOTATION_TECHDOCS_REF}: dir:.".`,
      url: 'https://backstage.io/docs/features/techdocs/creating-and-publishing',
    },
    appliesTo: { kinds: METADATA_KINDS },
  },
  evaluate({ facts }) {
    const raw =
      facts.entity.metadata.annotations?.[ANNOTATION_TECHDOCS_REF]?.trim();
    // Stored with every evaluation: only the start of a long value.
    const ref = raw ? boundUserValue(raw) : raw;
    return ref
      ? outcome('pass', `TechDocs are built from ${ref}`, [
          catalogFact('TechDocs ref', ref),
        ])
      : outcome(
          'fail',
          `The ${ANNOTATION_TECHDOCS_REF} annotation is not set`,
          [catalogFact('TechDocs ref', null)],
        );
  },
};

/** Documentation checks. */
export const documentationChecks = [techDocsAnnotationCheck];

import type {
  CheckContext,
  CheckOutcome,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';

/** The well-known annotation pointing at an entity's source code. @public */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';

/**
 * `source-location-set`: the entity says where its source code lives
 * (`backstage.io/source-location`), so responders can get from the portal
 * to the code. Reads catalog facts only.
 * @public
 */
export const sourceLocationSetCheck: ScorecardCheck = {
  id: 'source-location-set',
  defaults: {
    title: 'Source location set',
    category: 'documentation',
    description: `The entity has the ${ANNOTATION_SOURCE_LOCATION} annotation pointing at its source code.`,
    fix: {
      text: `Register the entity from its repository URL (the catalog then sets ${ANNOTATION_SOURCE_LOCATION}), or set the annotation, e.g. \`url:https://github.com/acme/checkout/tree/main/\`.`,
      url: 'https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiosource-location',
    },
    appliesTo: { kinds: ['component', 'api', 'resource', 'system'] },
  },
  evaluate({ facts }: CheckContext): CheckOutcome {
    const value =
      facts.entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION]?.trim();
    const used = [
      {
        label: ANNOTATION_SOURCE_LOCATION,
        value: value || null,
        sourceId: 'catalog',
      },
    ];
    if (value) {
      return {
        state: 'pass',
        message: `Source code at ${value}.`,
        facts: used,
      };
    }
    return {
      state: 'fail',
      message: `The ${ANNOTATION_SOURCE_LOCATION} annotation is not set.`,
      facts: used,
    };
  },
};

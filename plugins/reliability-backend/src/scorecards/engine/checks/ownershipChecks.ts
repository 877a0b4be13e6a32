import { parseEntityRef } from '@backstage/catalog-model';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { catalogFact, METADATA_KINDS, outcome } from './checkSupport';

const OWNERSHIP_DOCS =
  'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required';

/** The kind of an entity ref; refs without one (`team-a`) default to group, as `spec.owner` does. */
function kindOfRef(ref: string): string {
  try {
    return parseEntityRef(ref, { defaultKind: 'group' }).kind;
  } catch {
    return 'unknown';
  }
}

/** `spec.owner` is set. */
export const ownerSetCheck: ScorecardCheck = {
  id: 'owner-set',
  defaults: {
    title: 'Owner set',
    category: 'ownership',
    description: 'The entity names the team that owns it in spec.owner.',
    fix: {
      text: 'Set spec.owner in the entity\'s catalog file to the owning group, e.g. "owner: team-payments".',
      url: OWNERSHIP_DOCS,
    },
    appliesTo: { kinds: METADATA_KINDS },
  },
  evaluate({ facts }) {
    const owner = facts.owner?.ref ?? null;
    return owner
      ? outcome('pass', `Owned by ${owner}`, [catalogFact('Owner', owner)])
      : outcome(
          'fail',
          'spec.owner is not set: nobody is accountable for this entity',
          [catalogFact('Owner', null)],
        );
  },
};

/** The owner is a group that exists in the catalog and has members. */
export const ownerGroupHasMembersCheck: ScorecardCheck = {
  id: 'owner-group-has-members',
  defaults: {
    title: 'Owner is a team with members',
    category: 'ownership',
    description:
      'The owner is a Group that exists in the catalog and has at least one member, so there are people to ask.',
    fix: {
      text: "Point spec.owner at an existing Group and list its people in the group's spec.members.",
      url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#kind-group',
    },
    appliesTo: { kinds: METADATA_KINDS },
  },
  evaluate({ facts }) {
    const owner = facts.owner;
    if (!owner) {
      return outcome(
        'fail',
        'spec.owner is not set, so there is no team to check',
        [catalogFact('Owner', null)],
      );
    }
    const ownerFact = catalogFact('Owner', owner.ref);
    if (!owner.exists) {
      return outcome(
        'fail',
        `The owner ${owner.ref} does not exist in the catalog`,
        [ownerFact, catalogFact('Owner exists', false)],
      );
    }
    const kind = owner.kind ?? kindOfRef(owner.ref);
    if (
      kind.toLocaleLowerCase('en-US') !== 'group' ||
      owner.memberRefs === null
    ) {
      return outcome(
        'fail',
        `The owner ${owner.ref} is a ${kind}, not a team: ownership should survive one person leaving`,
        [ownerFact, catalogFact('Owner kind', kind)],
      );
    }
    const members = owner.memberRefs.length;
    return members > 0
      ? outcome(
          'pass',
          `${owner.ref} has ${members} member${members === 1 ? '' : 's'}`,
          [ownerFact, catalogFact('Members', members)],
        )
      : outcome('fail', `${owner.ref} has no members`, [
          ownerFact,
          catalogFact('Members', 0),
        ]);
  },
};

/** Ownership checks. */
export const ownershipChecks = [ownerSetCheck, ownerGroupHasMembersCheck];

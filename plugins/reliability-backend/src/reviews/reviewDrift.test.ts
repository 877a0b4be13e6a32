import type { ReviewCheckState } from '@preflight/plugin-reliability-common';
import { gaTemplate, storedReview } from '../__testUtils__/reviewFixtures';
import { computeDriftCauses, settleDrift } from './reviewDrift';
import { applicableSections } from './reviewSections';
import type { LiveCheckStates, StoredReview } from './reviewTypes';

const now = new Date('2027-01-10T10:00:00.000Z');
const signedAt = '2026-12-02T10:00:00.000Z';

function state(passing: boolean, message = 'fine'): ReviewCheckState {
  return {
    state: passing ? 'pass' : 'fail',
    passing,
    message,
    facts: [],
    evaluatedAt: signedAt,
  };
}

const healthy: LiveCheckStates = new Map([
  ['escalation-policy-levels', state(true)],
  ['slo-met', state(true)],
]);

/** Approved at tier-2 (no escalation-tested item). */
function approvedTier2(): StoredReview {
  return storedReview({
    state: 'approved',
    tier: 'tier-2',
    body: {
      currentTier: 'tier-2',
      answers: {
        'load-test': {
          value: 'yes',
          evidence: [],
          answeredBy: 'user:default/dana',
          answeredAt: signedAt,
          expiresAt: null,
        },
      },
      signoffs: {
        oncall: {
          by: 'user:default/sam',
          at: signedAt,
          itemIds: ['escalation'],
        },
        slos: {
          by: 'user:default/sam',
          at: signedAt,
          itemIds: ['slos-met', 'load-test'],
        },
      },
    },
  });
}

describe('drift', () => {
  const tier2 = applicableSections(gaTemplate, 'ga', 'tier-2');
  const tier1 = applicableSections(gaTemplate, 'ga', 'tier-1');

  it('finds nothing while the review still holds', () => {
    expect(
      computeDriftCauses(approvedTier2().body, tier2, healthy, now),
    ).toEqual([]);
  });

  it('names a bound check that stopped passing, unless waived', () => {
    const live: LiveCheckStates = new Map([
      ['escalation-policy-levels', state(true)],
      ['slo-met', state(false, 'checkout-availability burns its budget')],
    ]);
    const review = approvedTier2();
    expect(computeDriftCauses(review.body, tier2, live, now)).toEqual([
      {
        kind: 'check-failing',
        sectionId: 'slos',
        itemId: 'slos-met',
        message: '"SLOs met" fails: checkout-availability burns its budget',
        since: now.toISOString(),
      },
    ]);
    const waived = {
      ...review.body,
      waivers: {
        'slos-met': { reason: 'x', by: 'user:default/sam', at: signedAt },
      },
    };
    expect(computeDriftCauses(waived, tier2, live, now)).toEqual([]);
    // Unknown (never evaluated) is not drift.
    expect(computeDriftCauses(review.body, tier2, new Map(), now)).toEqual([]);
  });

  it('names expired attestations and items a tier change added, keeping since', () => {
    const review = approvedTier2();
    review.body.answers['load-test'].expiresAt = '2027-01-01T00:00:00.000Z';
    const causes = computeDriftCauses(
      {
        ...review.body,
        drift: [
          {
            kind: 'attestation-expired',
            sectionId: 'slos',
            itemId: 'load-test',
            message: 'old',
            since: '2027-01-01T00:00:00.000Z',
          },
        ],
      },
      tier1,
      healthy,
      now,
    );
    expect(causes).toEqual([
      {
        kind: 'new-items',
        sectionId: 'oncall',
        itemId: 'escalation-tested',
        message:
          '"Has the escalation policy been tested end to end?" was added to section "Ownership and on-call" after it was signed',
        since: now.toISOString(),
      },
      {
        kind: 'attestation-expired',
        sectionId: 'slos',
        itemId: 'load-test',
        message:
          'The answer to "Was a load test run at twice the peak?" expired on 2027-01-01 and must be re-affirmed',
        since: '2027-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('names a whole section that now applies and was never signed', () => {
    const review = approvedTier2();
    delete review.body.signoffs.oncall;
    expect(computeDriftCauses(review.body, tier2, healthy, now)).toEqual([
      expect.objectContaining({ kind: 'new-items', sectionId: 'oncall' }),
    ]);
    expect(
      computeDriftCauses(review.body, tier2, healthy, now)[0].itemId,
    ).toBeUndefined();
  });

  it('moves approved to drifted and back, by actor system', () => {
    const cause = {
      kind: 'check-failing' as const,
      sectionId: 'slos',
      itemId: 'slos-met',
      message: 'fails',
      since: now.toISOString(),
    };
    const drifted = settleDrift(approvedTier2(), [cause], 'system', now);
    expect(drifted.review.state).toBe('drifted');
    expect(drifted.review.body.drift).toEqual([cause]);
    expect(drifted.events).toEqual([
      {
        at: now.toISOString(),
        actor: 'system',
        action: 'drifted',
        stateBefore: 'approved',
        stateAfter: 'drifted',
        details: { causes: [cause] },
      },
    ]);
    // Same causes again: nothing to write.
    expect(settleDrift(drifted.review, [cause], 'system', now).events).toEqual(
      [],
    );
    const more = settleDrift(
      drifted.review,
      [cause, { ...cause, itemId: 'escalation', sectionId: 'oncall' }],
      'system',
      now,
    );
    expect(more.events.map(e => e.action)).toEqual(['drift-changed']);
    const back = settleDrift(drifted.review, [], 'system', now);
    expect(back.review.state).toBe('approved');
    expect(back.review.body.drift).toEqual([]);
    expect(back.events[0]).toMatchObject({
      action: 'drift-resolved',
      stateBefore: 'drifted',
      stateAfter: 'approved',
    });
    // Reviews not approved are left alone.
    const draft = storedReview();
    expect(settleDrift(draft, [cause], 'system', now)).toEqual({
      review: draft,
      events: [],
    });
  });
});

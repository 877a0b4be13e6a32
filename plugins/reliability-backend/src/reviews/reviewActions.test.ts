import type { ReviewCheckState } from '@preflight/plugin-reliability-common';
import { gaTemplate, storedReview } from '../__testUtils__/reviewFixtures';
import {
  answerItem,
  cancelReview,
  reaffirmItem,
  requestChanges,
  ReviewActionContext,
  signSection,
  submitReview,
  waiveItem,
} from './reviewActions';
import { applicableSections } from './reviewSections';
import type { LiveCheckStates, StoredReview } from './reviewTypes';

const now = new Date('2026-12-02T10:00:00.000Z');
const dana = 'user:default/dana';
const sam = 'user:default/sam';

function check(passing: boolean, message = 'checked'): ReviewCheckState {
  return {
    state: passing ? 'pass' : 'fail',
    passing,
    message,
    facts: [{ label: 'levels', value: passing ? 2 : 1 }],
    evaluatedAt: '2026-12-02T09:55:00.000Z',
  };
}

function context(
  overrides: Partial<ReviewActionContext> & { tier?: string | null } = {},
): ReviewActionContext {
  const live: LiveCheckStates = new Map([
    ['escalation-policy-levels', check(true)],
    ['slo-met', check(true)],
  ]);
  return {
    sections: applicableSections(
      gaTemplate,
      'ga',
      overrides.tier === undefined ? 'tier-1' : overrides.tier,
    ),
    live,
    actor: dana,
    now,
    ...overrides,
  };
}

const yes = { value: 'yes' as const, evidence: [{ url: 'https://x.test/r' }] };

/** A review with every attestation answered yes, submitted. */
function submitted(): StoredReview {
  let review = storedReview();
  review = answerItem(review, 'escalation-tested', yes, context()).review;
  review = answerItem(review, 'load-test', yes, context()).review;
  return submitReview(review, context()).review;
}

function approved(): StoredReview {
  let review = submitted();
  review = signSection(
    review,
    'oncall',
    undefined,
    context({ actor: sam }),
  ).review;
  return signSection(review, 'slos', 'ok', context({ actor: sam })).review;
}

describe('review actions', () => {
  it('records an answer with who, when and the expiry from reaffirmEvery', () => {
    const { review, events } = answerItem(
      storedReview(),
      'escalation-tested',
      { ...yes, note: '  drill on 1 Dec ' },
      context(),
    );
    expect(review.body.answers['escalation-tested']).toEqual({
      value: 'yes',
      evidence: [{ url: 'https://x.test/r' }],
      note: 'drill on 1 Dec',
      answeredBy: dana,
      answeredAt: now.toISOString(),
      expiresAt: '2027-03-02T10:00:00.000Z',
    });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'answered',
        actor: dana,
        sectionId: 'oncall',
        itemId: 'escalation-tested',
      }),
    ]);
    expect(review.state).toBe('draft');
  });

  it('refuses answers that miss a reason or required evidence, and check items', () => {
    const r = storedReview();
    expect(() =>
      answerItem(
        r,
        'load-test',
        { value: 'not-applicable', evidence: [] },
        context(),
      ),
    ).toThrow(
      'reason: an answer "not-applicable" to "load-test" needs a reason',
    );
    expect(() =>
      answerItem(
        r,
        'escalation-tested',
        { value: 'yes', evidence: [] },
        context(),
      ),
    ).toThrow(
      /^evidence: "escalation-tested" requires at least one evidence link/,
    );
    expect(() => answerItem(r, 'escalation', yes, context())).toThrow(
      /bound to check "escalation-policy-levels"/,
    );
    expect(() => answerItem(r, 'nope', yes, context())).toThrow(
      'No item "nope" in this review',
    );
    // Limited to tier-1: a tier-2 entity does not have it.
    expect(() =>
      answerItem(r, 'escalation-tested', yes, context({ tier: 'tier-2' })),
    ).toThrow('No item "escalation-tested" in this review');
  });

  it('submits only with every attestation answered, listing what is missing', () => {
    const partial = answerItem(
      storedReview(),
      'load-test',
      yes,
      context(),
    ).review;
    expect(() => submitReview(partial, context())).toThrow(
      'Cannot submit: these items need an answer first: oncall/escalation-tested',
    );
    // A failing check does not block submit.
    const review = submitted();
    expect(review.state).toBe('in-review');
    expect(review.body.snapshots.escalation).toMatchObject({
      state: 'pass',
      reason: 'submit',
      capturedAt: now.toISOString(),
    });
    expect(() => submitReview(review, context())).toThrow(
      /Cannot submit: review .* is in-review/,
    );
  });

  it('signs sections only when every item passes or is waived, then approves', () => {
    const failing = context({
      actor: sam,
      live: new Map([
        ['escalation-policy-levels', check(false, 'one level')],
        ['slo-met', check(true)],
      ]),
    });
    const review = submitted();
    expect(() => signSection(review, 'oncall', undefined, failing)).toThrow(
      'Cannot sign section "oncall": these items are neither passing, answered nor waived: oncall/escalation',
    );
    const waived = waiveItem(
      review,
      'escalation',
      'migrating this week',
      failing,
    );
    expect(waived.review.body.waivers.escalation).toEqual({
      reason: 'migrating this week',
      by: sam,
      at: now.toISOString(),
    });
    const one = signSection(waived.review, 'oncall', undefined, failing);
    expect(one.review.state).toBe('in-review');
    expect(one.review.body.signoffs.oncall).toEqual({
      by: sam,
      at: now.toISOString(),
      itemIds: ['escalation', 'escalation-tested'],
    });
    expect(one.review.body.snapshots.escalation).toMatchObject({
      state: 'fail',
      reason: 'signoff',
    });
    expect(() => signSection(one.review, 'oncall', undefined, failing)).toThrow(
      'Section "oncall" is already signed by user:default/sam',
    );
    const both = signSection(one.review, 'slos', 'fine', failing);
    expect(both.review.state).toBe('approved');
    expect(both.events.map(e => e.action)).toEqual(['signed', 'approved']);
    expect(both.events[1]).toMatchObject({
      stateBefore: 'in-review',
      stateAfter: 'approved',
    });
  });

  it('counts a "no" as failing for sign-off until waived', () => {
    let review = storedReview();
    review = answerItem(review, 'escalation-tested', yes, context()).review;
    review = answerItem(
      review,
      'load-test',
      { value: 'no', reason: 'not yet', evidence: [] },
      context(),
    ).review;
    review = submitReview(review, context()).review;
    expect(() =>
      signSection(review, 'slos', undefined, context({ actor: sam })),
    ).toThrow(/slos\/load-test/);
  });

  it('voids a signed section when its answer changes, and reopens an approved review', () => {
    const review = approved();
    const changed = answerItem(
      review,
      'load-test',
      { value: 'yes', evidence: [{ url: 'https://x.test/new' }] },
      context(),
    );
    expect(changed.review.state).toBe('in-review');
    expect(changed.review.body.signoffs.slos).toBeUndefined();
    expect(changed.review.body.signoffs.oncall).toBeDefined();
    expect(changed.events.map(e => e.action)).toEqual([
      'answered',
      'signoff-voided',
    ]);
    expect(changed.events[1]).toMatchObject({
      sectionId: 'slos',
      stateBefore: 'approved',
      stateAfter: 'in-review',
      details: { signedBy: sam },
    });
  });

  it('sends a review back on request-changes and accepts it again on submit', () => {
    const review = signSection(
      submitted(),
      'oncall',
      undefined,
      context({ actor: sam }),
    ).review;
    const back = requestChanges(
      review,
      'slos',
      'Add the report',
      context({ actor: sam }),
    );
    expect(back.review.state).toBe('changes-requested');
    expect(back.events[0]).toMatchObject({
      action: 'changes-requested',
      details: { comment: 'Add the report' },
    });
    const again = submitReview(back.review, context());
    expect(again.review.state).toBe('in-review');
    // The other section's sign-off stands.
    expect(again.review.body.signoffs.oncall?.by).toBe(sam);
    expect(() =>
      requestChanges(storedReview(), 'slos', 'x', context()),
    ).toThrow(/Cannot request changes: review .* is draft/);
    expect(() => requestChanges(review, 'nope', 'x', context())).toThrow(
      'No section "nope" in this review (sections: oncall, slos)',
    );
  });

  it('re-affirms an answer without voiding sign-offs and resolves expiry drift', () => {
    const review = approved();
    const later = new Date('2027-03-03T10:00:00.000Z');
    const expired = {
      ...review,
      state: 'drifted' as const,
      body: {
        ...review.body,
        drift: [
          {
            kind: 'attestation-expired' as const,
            itemId: 'escalation-tested',
            sectionId: 'oncall',
            message: 'expired',
            since: later.toISOString(),
          },
        ],
      },
    };
    const { review: after, events } = reaffirmItem(
      expired,
      'escalation-tested',
      context({ now: later }),
    );
    expect(after.state).toBe('approved');
    expect(after.body.drift).toEqual([]);
    expect(after.body.signoffs.oncall).toBeDefined();
    expect(after.body.answers['escalation-tested'].expiresAt).toBe(
      '2027-06-01T10:00:00.000Z',
    );
    expect(events.map(e => e.action)).toEqual(['reaffirmed', 'drift-resolved']);
    expect(() => reaffirmItem(storedReview(), 'load-test', context())).toThrow(
      /has no answer to re-affirm/,
    );
  });

  it('does not waive passing items', () => {
    expect(() =>
      waiveItem(submitted(), 'escalation', 'x', context({ actor: sam })),
    ).toThrow(
      'itemId: "escalation" is passing; only items not passing can be waived',
    );
    expect(() =>
      waiveItem(storedReview(), 'escalation', 'x', context()),
    ).toThrow(/Cannot waive items: review .* is draft/);
  });

  it('cancels any open review, once', () => {
    const { review, events } = cancelReview(
      approved(),
      'superseded',
      context(),
    );
    expect(review.state).toBe('cancelled');
    expect(events[0]).toMatchObject({
      stateBefore: 'approved',
      stateAfter: 'cancelled',
      details: { comment: 'superseded' },
    });
    expect(() => cancelReview(review, 'again', context())).toThrow(
      /Cannot cancel: review .* is cancelled/,
    );
  });
});

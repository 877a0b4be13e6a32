import { gaTemplate, storedReview } from '../__testUtils__/reviewFixtures';
import { toReview, toReviewSummary } from './buildReviewView';
import { headOf } from './reviewDigest';

const now = new Date('2026-12-10T10:00:00.000Z');
const signed = {
  by: 'user:default/sam',
  at: '2026-12-02T10:00:00.000Z',
  itemIds: ['escalation', 'escalation-tested'],
};

describe('review views', () => {
  it('summarises from the head alone: signed sections, pending groups, overdue', () => {
    const review = storedReview({
      state: 'in-review',
      targetDate: '2026-12-09',
      body: { signoffs: { oncall: signed } },
    });
    expect(toReviewSummary(headOf(review), [gaTemplate], now)).toMatchObject({
      templateTitle: 'GA production readiness',
      sectionsSigned: 1,
      sectionsTotal: 2,
      pendingReviewerGroups: ['group:default/slo-council', 'group:default/sre'],
      overdue: true,
      driftCount: 0,
    });
  });

  it('is overdue only while it has not reached approval: approved, drifted and cancelled reviews are not', () => {
    const overdue = (state: any) =>
      toReviewSummary(
        headOf(storedReview({ state, targetDate: '2026-12-09' })),
        [gaTemplate],
        now,
      ).overdue;
    expect(overdue('draft')).toBe(true);
    expect(overdue('changes-requested')).toBe(true);
    expect(overdue('approved')).toBe(false);
    expect(overdue('drifted')).toBe(false);
    expect(overdue('cancelled')).toBe(false);
  });

  it('keeps a review readable, with a warning, when its template is removed or changed', () => {
    const review = storedReview({ body: { signoffs: { oncall: signed } } });
    const removed = toReview({
      review,
      templates: [],
      live: new Map(),
      eligibility: () => ({ allowed: false, reason: 'no' }),
      now,
    });
    expect(removed.warnings).toEqual([
      `Template "ga-readiness" is no longer configured; the review is shown as it was opened (version ${gaTemplate.version}).`,
    ]);
    expect(removed.templateTitle).toBe('GA production readiness');
    expect(removed.sections.map(s => [s.id, s.items.length])).toEqual([
      ['oncall', 2],
      ['slos', 2],
    ]);
    expect(toReviewSummary(headOf(review), [], now)).toMatchObject({
      templateTitle: 'GA production readiness',
      sectionsSigned: 1,
      sectionsTotal: 2,
    });

    const changed = { ...gaTemplate, title: 'GA readiness v2', version: 'v2' };
    const view = toReview({
      review,
      templates: [changed],
      live: new Map(),
      eligibility: () => ({ allowed: true }),
      now,
    });
    expect(view.templateTitle).toBe('GA readiness v2');
    expect(view.warnings).toEqual([
      `Template "ga-readiness" changed since the review was opened (version ${gaTemplate.version}, now v2).`,
    ]);
  });

  it('shows the tier it was opened at next to the current one', () => {
    const review = storedReview({
      tier: 'tier-2',
      body: { currentTier: 'tier-1' },
    });
    const view = toReview({
      review,
      templates: [gaTemplate],
      live: new Map(),
      eligibility: () => ({ allowed: true }),
      now,
    });
    expect(view).toMatchObject({ tier: 'tier-1', tierAtOpen: 'tier-2' });
    expect(view.warnings).toEqual([
      "The entity's tier changed from tier-2 to tier-1 since the review was opened.",
    ]);
  });
});

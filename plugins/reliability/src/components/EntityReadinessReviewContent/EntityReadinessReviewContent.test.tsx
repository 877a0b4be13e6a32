import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityPresentationApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { Review } from '@preflight/plugin-reliability-common';
import {
  ReliabilityApi,
  reliabilityApiRef,
  ReviewConflictError,
} from '../../api';
import { entityTitlePresentation } from '../../__testUtils__/entityTitlePresentation';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { refusal } from '../../__testUtils__/refusal';
import {
  entityReviews,
  escalationItem,
  linkedCheckItem,
  loadTestItem,
  REVIEW_ID,
  reviewEvents,
  reviewOf,
  reviewResponse,
  section,
  slosMetItem,
} from '../../__testUtils__/reviewFixtures';
import {
  componentEntity,
  minutesFromNow,
  NOW,
} from '../../__testUtils__/summaryFixtures';
import { EntityReadinessReviewContent } from './EntityReadinessReviewContent';

// These tests type into forms and open dialogs; on a loaded 2-core
// machine that takes longer than jest's default 5 seconds.
jest.setTimeout(30_000);

function apiFor(
  review: Review,
  overrides: Partial<jest.Mocked<ReliabilityApi>> = {},
) {
  return fakeReliabilityApi({
    getEntityReviews: jest.fn().mockResolvedValue(entityReviews()),
    getReview: jest.fn().mockResolvedValue(reviewResponse(review)),
    ...overrides,
  });
}

async function renderTab(api: jest.Mocked<ReliabilityApi>, route = '/') {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [entityPresentationApiRef, entityTitlePresentation({})],
      ]}
    >
      <EntityProvider entity={componentEntity('checkout-api')}>
        <EntityReadinessReviewContent now={NOW} />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [route],
    },
  );
  return api;
}

async function reviewPanel() {
  return screen.findByRole('region', {
    name: 'GA production readiness: ga',
  });
}

describe('EntityReadinessReviewContent', () => {
  it("lists the entity's reviews and shows the open one with state, DRI, target date, blockers and timeline", async () => {
    const api = await renderTab(apiFor(reviewOf()));

    const list = await screen.findByRole('table', {
      name: 'Reviews of this entity',
    });
    expect(
      within(list).getByRole('link', { name: 'GA production readiness: ga' }),
    ).toHaveAttribute('aria-current', 'true');
    const panel = await reviewPanel();
    expect(within(panel).getAllByText('Draft').length).toBeGreaterThan(0);
    expect(
      within(panel).getByRole('link', { name: 'dana' }),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent('Mar 20, 2025');
    const blockers = within(panel).getByRole('list', {
      name: 'Blocking items',
    });
    expect(
      within(blockers)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'Ownership and on-call: Has the escalation policy been tested end to end?',
      'SLOs and alerting: SLOs met',
    ]);
    const events = screen.getByRole('list', { name: 'Review events' });
    expect(events).toHaveTextContent('dana opened the review');
    expect(events).toHaveTextContent(
      'dana answered “Was the service load-tested at 2x peak?”',
    );
    expect(api.getReview).toHaveBeenCalledWith(REVIEW_ID, expect.anything());
  });

  it('shows a check live with its fix and facts, beside the state captured at submit when they differ', async () => {
    await renderTab(apiFor(reviewOf()));

    const item = await screen.findByRole('listitem', { name: 'SLOs met' });
    const live = within(item).getByRole('group', { name: 'Live: SLOs met' });
    expect(live).toHaveTextContent('Fail');
    expect(live).toHaveTextContent('burns its budget 14x too fast');
    expect(
      within(live).getByRole('note', { name: 'How to fix' }),
    ).toHaveTextContent('Stop the burn or lower the objective');
    expect(
      within(live).getByRole('table', {
        name: 'Facts used by SLOs met (live)',
      }),
    ).toHaveTextContent('-12%');
    const atSubmit = within(item).getByRole('group', {
      name: 'At submit: SLOs met',
    });
    expect(atSubmit).toHaveTextContent('Pass');
    expect(atSubmit).toHaveTextContent('Every SLO within budget');
    // A passing check with no snapshot shows only its live state.
    const linked = screen.getByRole('listitem', {
      name: 'PagerDuty service linked',
    });
    expect(within(linked).queryByRole('group', { name: /^At / })).toBeNull();
  });

  it('lists every cause of drift in the banner', async () => {
    const drifted = reviewOf({
      state: 'drifted',
      driftCount: 2,
      drift: [
        {
          kind: 'check-failing',
          sectionId: 'slos',
          itemId: 'slos-met',
          message: '"SLOs met" fails: checkout-availability burns its budget',
          since: minutesFromNow(-60),
        },
        {
          kind: 'attestation-expired',
          sectionId: 'slos',
          itemId: 'load-test',
          message: '"Was the service load-tested at 2x peak?" expired on Mar 3',
          since: minutesFromNow(-60 * 24),
        },
      ],
    });
    await renderTab(apiFor(drifted));

    const banner = await screen.findByRole('alert', { name: 'Review drifted' });
    expect(banner).toHaveTextContent('2 things have changed since');
    const causes = within(banner).getByRole('list', { name: 'Drift causes' });
    expect(
      within(causes)
        .getAllByRole('listitem')
        .map(c => c.textContent),
    ).toEqual([
      'Check failing: "SLOs met" fails: checkout-availability burns its budget (since 1h ago)',
      'Attestation expired: "Was the service load-tested at 2x peak?" expired on Mar 3 (since 1d ago)',
    ]);
  });

  it('answers an attestation with the version it shows, then shows the answer', async () => {
    const answered = reviewOf({
      version: 5,
      sections: [
        section('oncall', 'Ownership and on-call', [
          linkedCheckItem(),
          escalationItem({
            status: 'passing',
            answer: {
              value: 'yes',
              evidence: [
                { url: 'https://wiki.example.com/drill', title: 'DR drill' },
              ],
              answeredBy: 'user:default/dana',
              answeredAt: NOW.toISOString(),
              expiresAt: '2025-06-02T14:00:00.000Z',
            },
          }),
        ]),
        section('slos', 'SLOs and alerting', [slosMetItem(), loadTestItem()]),
      ],
    });
    const api = apiFor(reviewOf(), {
      answerReviewItem: jest.fn().mockResolvedValue(reviewResponse(answered)),
    });
    await renderTab(api);

    const item = await screen.findByRole('listitem', {
      name: 'Has the escalation policy been tested end to end?',
    });
    const form = within(item).getByRole('form', {
      name: 'Answer “Has the escalation policy been tested end to end?”',
    });
    await userEvent.click(within(form).getByRole('radio', { name: 'Yes' }));
    // Evidence is required for this question: saving without it is refused here.
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save answer' }),
    );
    expect(form).toHaveTextContent(
      'This question needs at least one evidence link',
    );
    expect(api.answerReviewItem).not.toHaveBeenCalled();

    // Links are pasted, as people do (typing 40 characters one by one into
    // the form is slow enough in jsdom to time out on a busy machine).
    await userEvent.click(
      within(form).getByRole('textbox', { name: /Evidence links/ }),
    );
    await userEvent.paste('https://wiki.example.com/drill DR drill');
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Note' }),
      'Paged twice',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save answer' }),
    );

    await waitFor(() =>
      expect(api.answerReviewItem).toHaveBeenCalledWith(
        REVIEW_ID,
        'escalation-tested',
        {
          version: 4,
          value: 'yes',
          evidence: [
            { url: 'https://wiki.example.com/drill', title: 'DR drill' },
          ],
          note: 'Paged twice',
        },
      ),
    );
    expect(await within(item).findByText('Answer: Yes')).toBeInTheDocument();
    expect(
      within(item).getByRole('link', { name: 'DR drill' }),
    ).toHaveAttribute('href', 'https://wiki.example.com/drill');
    expect(within(item).queryByRole('form')).toBeNull();
    // The list of reviews is reloaded: its state or counts may have changed.
    expect(api.getEntityReviews).toHaveBeenCalledTimes(2);
  });

  it('refuses an evidence link that is not http(s), naming the line', async () => {
    const api = await renderTab(apiFor(reviewOf()));
    const item = await screen.findByRole('listitem', {
      name: 'Has the escalation policy been tested end to end?',
    });
    await userEvent.click(within(item).getByRole('radio', { name: 'Yes' }));
    await userEvent.click(
      within(item).getByRole('textbox', { name: /Evidence links/ }),
    );
    await userEvent.paste('https://wiki.example.com/ok\njavascript:alert(1)');
    await userEvent.click(
      within(item).getByRole('button', { name: 'Save answer' }),
    );
    expect(item).toHaveTextContent(
      'Line 2: "javascript:alert(1)" is not an http(s) link',
    );
    expect(api.answerReviewItem).not.toHaveBeenCalled();
  });

  it('shows the review someone else changed, says it was reloaded, and reloads it', async () => {
    const theirs = reviewOf({ version: 6, state: 'in-review' });
    const api = apiFor(reviewOf(), {
      answerReviewItem: jest
        .fn()
        .mockRejectedValue(
          new ReviewConflictError(
            'Review version 4 is stale; it is at version 6',
            theirs,
          ),
        ),
    });
    api.getReview
      .mockResolvedValueOnce(reviewResponse(reviewOf()))
      .mockResolvedValue(reviewResponse(theirs));
    await renderTab(api);

    const item = await screen.findByRole('listitem', {
      name: 'Has the escalation policy been tested end to end?',
    });
    await userEvent.click(within(item).getByRole('radio', { name: 'No' }));
    await userEvent.type(
      within(item).getByRole('textbox', { name: 'Reason' }),
      'Not yet',
    );
    await userEvent.click(
      within(item).getByRole('button', { name: 'Save answer' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone else changed this review — reloaded',
    );
    expect(alert).toHaveTextContent(
      'Review version 4 is stale; it is at version 6',
    );
    const panel = await reviewPanel();
    expect(within(panel).getAllByText('In review').length).toBeGreaterThan(0);
    await waitFor(() => expect(api.getReview).toHaveBeenCalledTimes(2));
    expect(api.answerReviewItem).toHaveBeenCalledWith(
      REVIEW_ID,
      'escalation-tested',
      expect.objectContaining({ version: 4, value: 'no', reason: 'Not yet' }),
    );
  });

  it('disables sign-off with the reason for someone who may not sign', async () => {
    const review = reviewOf({
      state: 'in-review',
      sections: [
        section('oncall', 'Ownership and on-call', [linkedCheckItem()], {
          eligibility: {
            allowed: false,
            reason: 'You are the DRI of this review',
          },
        }),
        section('slos', 'SLOs and alerting', [loadTestItem()], {
          eligibility: {
            allowed: false,
            reason: 'You are not a member of group:default/sre',
          },
        }),
      ],
    });
    await renderTab(apiFor(review));

    const oncall = await screen.findByRole('region', {
      name: 'Ownership and on-call',
    });
    const signoff = within(oncall).getByRole('button', { name: 'Sign off' });
    expect(signoff).toBeDisabled();
    expect(signoff).toHaveAccessibleDescription(
      'You are the DRI of this review',
    );
    expect(
      within(oncall).getByRole('button', { name: 'Request changes' }),
    ).toBeDisabled();
    expect(oncall).toHaveTextContent('You are the DRI of this review');
    const slos = screen.getByRole('region', { name: 'SLOs and alerting' });
    expect(
      within(slos).getByRole('button', { name: 'Sign off' }),
    ).toHaveAccessibleDescription('You are not a member of group:default/sre');
  });

  it('signs a section off for an eligible reviewer, with an optional comment', async () => {
    const review = reviewOf({ state: 'in-review', version: 7 });
    const signed = reviewOf({
      state: 'in-review',
      version: 8,
      sectionsSigned: 1,
      sections: [
        section('oncall', 'Ownership and on-call', [linkedCheckItem()], {
          signoff: {
            by: 'user:default/sam',
            at: NOW.toISOString(),
            comment: 'Drill looked good',
          },
          // As the backend answers for a signed section.
          eligibility: {
            allowed: false,
            reason: 'Already signed by user:default/sam',
          },
        }),
        section('slos', 'SLOs and alerting', [loadTestItem()]),
      ],
    });
    const api = apiFor(review, {
      signoffReviewSection: jest.fn().mockResolvedValue(reviewResponse(signed)),
    });
    await renderTab(api);

    const oncall = await screen.findByRole('region', {
      name: 'Ownership and on-call',
    });
    await userEvent.click(
      within(oncall).getByRole('button', { name: 'Sign off' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Sign off “Ownership and on-call”',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Comment' }),
      'Drill looked good',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );

    await waitFor(() =>
      expect(api.signoffReviewSection).toHaveBeenCalledWith(
        REVIEW_ID,
        'oncall',
        {
          version: 7,
          comment: 'Drill looked good',
        },
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const signedSection = await screen.findByRole('region', {
      name: 'Ownership and on-call',
    });
    expect(signedSection).toHaveTextContent('Signed offby sam');
    expect(signedSection).toHaveTextContent('Drill looked good');
    expect(
      within(signedSection).queryByRole('button', { name: 'Sign off' }),
    ).toBeNull();
  });

  it("shows the backend's reason when a write is refused", async () => {
    const api = apiFor(reviewOf(), {
      submitReview: jest
        .fn()
        .mockRejectedValue(
          await refusal(
            400,
            'InputError',
            'Unanswered items: oncall/escalation-tested',
          ),
        ),
    });
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Submit for review' }),
    );

    const alert = await screen.findByRole('alert', { name: 'Not accepted' });
    expect(alert).toHaveTextContent(
      'Unanswered items: oncall/escalation-tested',
    );
    expect(api.submitReview).toHaveBeenCalledWith(REVIEW_ID, { version: 4 });
  });

  it('opens a review for a stage with a target date and shows it', async () => {
    const opened = reviewOf({
      id: 'a7f3a9a4-9f0e-4b59-8f57-1b4a0f0b2c3d',
      stage: 'beta',
      version: 1,
      targetDate: '2025-04-01',
    });
    const api = apiFor(reviewOf(), {
      createReview: jest.fn().mockResolvedValue(reviewResponse(opened, [])),
    });
    api.getReview.mockImplementation(async id =>
      reviewResponse(id === opened.id ? opened : reviewOf(), []),
    );
    await renderTab(api);

    const form = await screen.findByRole('form', { name: 'Open a review' });
    // jsdom has no date picker: the field takes typed ISO dates.
    const date = within(form).getByLabelText('Target date (optional)');
    await userEvent.type(date, '2025-04-01');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Open review' }),
    );

    await waitFor(() =>
      expect(api.createReview).toHaveBeenCalledWith(
        'component:default/checkout-api',
        {
          templateId: 'ga-readiness',
          stage: 'beta',
          targetDate: '2025-04-01',
        },
      ),
    );
    expect(
      await screen.findByRole('region', {
        name: 'GA production readiness: beta',
      }),
    ).toBeInTheDocument();
  });

  it('shows the open review someone else opened for the same stage meanwhile', async () => {
    const theirs = reviewOf({
      id: 'their-review',
      stage: 'beta',
      state: 'draft',
    });
    const api = apiFor(reviewOf(), {
      createReview: jest
        .fn()
        .mockRejectedValue(
          new ReviewConflictError(
            'component:default/checkout-api already has an open review for stage "beta" (their-review, draft)',
            theirs,
          ),
        ),
    });
    api.getReview.mockImplementation(async id =>
      reviewResponse(id === 'their-review' ? theirs : reviewOf()),
    );
    await renderTab(api);

    const form = await screen.findByRole('form', { name: 'Open a review' });
    await userEvent.click(
      within(form).getByRole('button', { name: 'Open review' }),
    );

    expect(
      await screen.findByRole('region', {
        name: 'GA production readiness: beta',
      }),
    ).toBeInTheDocument();
    expect(form).toHaveTextContent(
      'already has an open review for stage "beta" (their-review, draft). Showing that review instead.',
    );
    expect(api.getReview).toHaveBeenCalledWith(
      'their-review',
      expect.anything(),
    );
  });

  it('says when there is no review and the viewer may not open one', async () => {
    const api = fakeReliabilityApi({
      getEntityReviews: jest
        .fn()
        .mockResolvedValue(entityReviews({ reviews: [], canCreate: false })),
    });
    await renderTab(api);

    expect(
      await screen.findByText(
        'No readiness review has been opened for this entity yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/You may not open readiness reviews/),
    ).toBeInTheDocument();
    expect(api.getReview).not.toHaveBeenCalled();
  });

  it('shows why the reviews could not be loaded, with a retry', async () => {
    const api = fakeReliabilityApi({
      getEntityReviews: jest
        .fn()
        .mockRejectedValueOnce(new Error('backend unreachable'))
        .mockResolvedValue(entityReviews({ reviews: [] })),
    });
    await renderTab(api);

    expect(await screen.findByText('backend unreachable')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(
        'No readiness review has been opened for this entity yet.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the review a link names, with its events', async () => {
    const cancelled = reviewOf({
      id: 'old-review',
      state: 'cancelled',
      stage: 'beta',
    });
    const api = apiFor(reviewOf());
    api.getReview.mockImplementation(async id =>
      id === 'old-review'
        ? reviewResponse(cancelled, reviewEvents())
        : reviewResponse(reviewOf()),
    );
    await renderTab(api, '/?review=old-review');

    const panel = await screen.findByRole('region', {
      name: 'GA production readiness: beta',
    });
    expect(within(panel).getAllByText('Cancelled').length).toBeGreaterThan(0);
    expect(
      within(panel).queryByRole('button', { name: 'Cancel review' }),
    ).toBeNull();
    expect(api.getReview).toHaveBeenCalledWith('old-review', expect.anything());
  });
});

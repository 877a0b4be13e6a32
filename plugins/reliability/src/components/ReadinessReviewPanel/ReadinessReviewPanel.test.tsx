import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { Review } from '@preflight/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import { useReview } from '../../hooks/useReviews';
import { entityTitlePresentation } from '../../__testUtils__/entityTitlePresentation';
import { fakeReliabilityApi } from '../../__testUtils__/fakeReliabilityApi';
import { refusal } from '../../__testUtils__/refusal';
import {
  linkedCheckItem,
  loadTestItem,
  REVIEW_ID,
  reviewOf,
  reviewResponse,
  section,
  slosMetItem,
} from '../../__testUtils__/reviewFixtures';
import { NOW } from '../../__testUtils__/summaryFixtures';
import { ReadinessReviewPanel } from './ReadinessReviewPanel';

// These tests open dialogs and type; on a loaded 2-core machine that takes
// longer than jest's default 5 seconds.
jest.setTimeout(30_000);

function Harness() {
  const state = useReview(REVIEW_ID);
  return <ReadinessReviewPanel state={state} now={NOW} />;
}

async function renderPanel(
  review: Review,
  overrides: Partial<jest.Mocked<ReliabilityApi>> = {},
) {
  const api = fakeReliabilityApi({
    getReview: jest.fn().mockResolvedValue(reviewResponse(review)),
    ...overrides,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [entityPresentationApiRef, entityTitlePresentation({})],
      ]}
    >
      <Harness />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  await screen.findByRole('region', { name: 'GA production readiness: ga' });
  return api;
}

/** An in-review review where the viewer reviews the SLO section. */
function inReview(version = 9): Review {
  return reviewOf({
    state: 'in-review',
    version,
    sections: [
      section('oncall', 'Ownership and on-call', [linkedCheckItem()], {
        eligibility: {
          allowed: false,
          reason: 'You are not a member of group:default/sre',
        },
      }),
      section('slos', 'SLOs and alerting', [slosMetItem(), loadTestItem()]),
    ],
  });
}

describe('ReadinessReviewPanel', () => {
  it('lets an eligible reviewer waive a failing item, with a reason', async () => {
    const api = await renderPanel(inReview(), {
      waiveReviewItem: jest
        .fn()
        .mockResolvedValue(reviewResponse(inReview(10))),
    });

    const slos = screen.getByRole('region', { name: 'SLOs and alerting' });
    // Only the failing item can be waived, and only where the viewer reviews.
    expect(
      within(slos).getAllByRole('button', { name: /^Waive/ }),
    ).toHaveLength(1);
    expect(
      within(
        screen.getByRole('region', { name: 'Ownership and on-call' }),
      ).queryByRole('button', { name: /^Waive/ }),
    ).toBeNull();
    await userEvent.click(
      within(slos).getByRole('button', { name: 'Waive “SLOs met”' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Waive “SLOs met”',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    expect(dialog).toHaveTextContent('Reason is required');
    expect(api.waiveReviewItem).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'Incident fix ships Friday',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );
    await waitFor(() =>
      expect(api.waiveReviewItem).toHaveBeenCalledWith(REVIEW_ID, 'slos-met', {
        version: 9,
        reason: 'Incident fix ships Friday',
      }),
    );
  });

  it('shows why a sign-off was refused inside the dialog, which stays open', async () => {
    const api = await renderPanel(inReview(), {
      signoffReviewSection: jest
        .fn()
        .mockRejectedValue(
          await refusal(400, 'InputError', 'Blocking items: slos/slos-met'),
        ),
    });

    const slos = screen.getByRole('region', { name: 'SLOs and alerting' });
    await userEvent.click(
      within(slos).getByRole('button', { name: 'Sign off' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );

    const alert = await within(dialog).findByRole('alert', {
      name: 'Not accepted',
    });
    expect(alert).toHaveTextContent('Blocking items: slos/slos-met');
    expect(api.signoffReviewSection).toHaveBeenCalledWith(REVIEW_ID, 'slos', {
      version: 9,
    });
  });

  it('asks what needs to change before requesting changes', async () => {
    const api = await renderPanel(inReview(), {
      requestReviewChanges: jest
        .fn()
        .mockResolvedValue(
          reviewResponse(reviewOf({ state: 'changes-requested', version: 10 })),
        ),
    });

    const slos = screen.getByRole('region', { name: 'SLOs and alerting' });
    await userEvent.click(
      within(slos).getByRole('button', { name: 'Request changes' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'What needs to change' }),
      'Add a burn-rate alert',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request changes' }),
    );

    await waitFor(() =>
      expect(api.requestReviewChanges).toHaveBeenCalledWith(REVIEW_ID, 'slos', {
        version: 9,
        comment: 'Add a burn-rate alert',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const panel = screen.getByRole('region', {
      name: 'GA production readiness: ga',
    });
    expect(
      within(panel).getAllByText('Changes requested').length,
    ).toBeGreaterThan(0);
  });

  it('shows when an answer expires and re-affirms it with the version', async () => {
    const expired = reviewOf({
      state: 'drifted',
      version: 12,
      sections: [
        section('slos', 'SLOs and alerting', [
          loadTestItem({
            status: 'expired',
            answer: {
              ...loadTestItem().answer!,
              expiresAt: '2025-03-03T14:00:00.000Z',
            },
          }),
        ]),
      ],
    });
    const api = await renderPanel(expired, {
      reaffirmReviewItem: jest
        .fn()
        .mockResolvedValue(
          reviewResponse(reviewOf({ state: 'approved', version: 13 })),
        ),
    });

    const item = screen.getByRole('listitem', {
      name: 'Was the service load-tested at 2x peak?',
    });
    expect(item).toHaveTextContent('Expired');
    expect(item).toHaveTextContent('re-affirm it if it is still true');
    await userEvent.click(
      within(item).getByRole('button', { name: 'Re-affirm' }),
    );

    await waitFor(() =>
      expect(api.reaffirmReviewItem).toHaveBeenCalledWith(
        REVIEW_ID,
        'load-test',
        {
          version: 12,
        },
      ),
    );
  });

  it('cancels only with a reason', async () => {
    const api = await renderPanel(reviewOf(), {
      cancelReview: jest
        .fn()
        .mockResolvedValue(
          reviewResponse(reviewOf({ state: 'cancelled', version: 5 })),
        ),
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel review' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Cancel this review',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Why cancel' }),
      'Service retired',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel review' }),
    );

    await waitFor(() =>
      expect(api.cancelReview).toHaveBeenCalledWith(REVIEW_ID, {
        version: 4,
        comment: 'Service retired',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Cancel review' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Submit for review' }),
    ).toBeNull();
  });

  it('downloads the review record as Markdown, named after the entity and stage', async () => {
    const api = await renderPanel(reviewOf(), {
      exportReview: jest.fn().mockResolvedValue('# Checkout API: GA readiness'),
    });
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    try {
      await userEvent.click(
        screen.getByRole('button', { name: 'Download Markdown' }),
      );

      await waitFor(() =>
        expect(downloads).toEqual(['checkout-api-ga-readiness-review.md']),
      );
      expect(api.exportReview).toHaveBeenCalledWith(REVIEW_ID, 'markdown');
      expect(await blobs[0].text()).toBe('# Checkout API: GA readiness');
    } finally {
      click.mockRestore();
    }
  });
});

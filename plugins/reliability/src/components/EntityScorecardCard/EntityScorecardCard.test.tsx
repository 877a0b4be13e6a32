import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { EntityScorecardResponse } from '@preflight/plugin-reliability-common';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  checkoutApiChecks,
  checkoutApiScorecard,
  checkResult,
  scorecardInState,
  scorecardOf,
} from '../../__testUtils__/scorecardFixtures';
import {
  componentEntity,
  minutesFromNow,
  NOW,
} from '../../__testUtils__/summaryFixtures';
import { EntityScorecardCard } from './EntityScorecardCard';
import { expectAccessibleNames } from '../../__testUtils__/expectAccessibleNames';

// These tests click through whole tables; on a loaded 2-core CI machine
// that takes longer than jest's default 5 seconds.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

function serve(respond: () => Response) {
  server.use(
    http.get(
      `${BASE_URL}/entities/component/default/checkout-api/scorecard`,
      respond,
    ),
  );
}

function serveScorecard(response: EntityScorecardResponse) {
  serve(() => HttpResponse.json(response));
}

async function renderCard(props: { hideWhenNotInScope?: boolean } = {}) {
  return renderWithBackend(
    <EntityScorecardCard now={NOW} {...props} />,
    componentEntity('checkout-api'),
  );
}

describe('EntityScorecardCard', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver(140, 44);
  });
  afterAll(() => restore());

  it('shows the level, score, what the next level needs and failing checks first', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const card = await screen.findByRole('region', {
      name: 'Readiness scorecard',
    });
    expect(
      await within(card).findByLabelText('Level: Bronze'),
    ).toBeInTheDocument();
    // 8 of 11 applicable pass: 6 pass + 1 warning + 1 exempt.
    expect(
      within(card).getByRole('group', { name: 'Score' }),
    ).toHaveTextContent('73%');
    expect(
      within(card).getByText(/^8 of 11 applicable checks pass/),
    ).toBeInTheDocument();
    const next = within(card).getByRole('group', {
      name: 'Next level: Silver',
    });
    expect(next).toHaveTextContent('Level 1 always covered');
    expect(within(card).getByText('evaluated 4m ago')).toBeInTheDocument();
    expect(
      within(card).getByRole('figure', { name: /Score from 55 .* to 73/ }),
    ).toBeInTheDocument();

    // Categories with a failing check come first, then those with a check
    // in error, then exempt, then the all-green ones; inside on-call the failing check
    // comes before the passing ones.
    expectAccessibleNames(within(card).getAllByRole('heading', { level: 3 }), [
      'Incidents',
      'On-call',
      'SLOs',
      'Documentation',
      'Metadata',
      'Ownership',
      'Runbooks',
    ]);
    const onCall = within(card).getByRole('list', { name: 'On-call checks' });
    expect(
      within(onCall)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Level 1 always covered',
      'PagerDuty service linked',
      'Rotation has several people',
    ]);
  });

  it('shows a failing check open, with its facts, their age and how to fix it, without a click', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const item = await screen.findByRole('listitem', {
      name: 'Level 1 always covered',
    });
    expect(within(item).getByRole('button')).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    const facts = within(item).getByRole('table', {
      name: 'Facts used by Level 1 always covered',
    });
    const gaps = within(facts).getByRole('row', {
      name: /Level 1 gaps \(next 7 days\)/,
    });
    expect(gaps).toHaveTextContent('pagerduty:default');
    expect(gaps).toHaveTextContent('3m ago');
    const fix = within(item).getByRole('note', { name: 'How to fix' });
    expect(fix).toHaveTextContent(
      'Add a layer or an override to the level-1 schedule',
    );
    expect(
      within(fix).getByRole('link', {
        name: /Read how to fix level 1 always covered/,
      }),
    ).toHaveAttribute(
      'href',
      'https://support.pagerduty.com/docs/schedule-basics',
    );

    // A click still folds it away for whoever has read it.
    await userEvent.click(within(item).getByRole('button'));
    await waitFor(() =>
      expect(
        within(item).queryByRole('note', { name: 'How to fix' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('keeps warnings and exempt checks folded and passing checks to one line', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const exempt = await screen.findByRole('listitem', {
      name: 'TechDocs annotation',
    });
    expect(within(exempt).getByRole('button')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(
      within(exempt).queryByRole('note', { name: 'How to fix' }),
    ).not.toBeInTheDocument();
    const passing = screen.getByRole('listitem', { name: 'Owner set' });
    expect(within(passing).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(passing).queryByRole('note', { name: 'How to fix' }),
    ).not.toBeInTheDocument();
  });

  it('draws the score over time from the first recorded day', async () => {
    serveScorecard(
      checkoutApiScorecard({
        history: [{ day: '2025-03-14', levelId: 'bronze', score: 73 }],
      }),
    );
    await renderCard();

    const sparkline = await screen.findByRole('figure', {
      name: 'Score 73 on Mar 14, 2025',
    });
    expect(sparkline.querySelectorAll('.recharts-dot').length).toBe(1);
    // A single dot says that history only starts there.
    expect(screen.getByText('History starts Mar 14, 2025')).toBeInTheDocument();
  });

  it('shows a broken PagerDuty link as one root cause with its fix, naming the checks it blocks instead of listing them as failures', async () => {
    const blocked = (id: string) =>
      checkResult(id, 'fail', {
        blockedBy: 'pagerduty-service-linked',
        message: 'pagerduty.com/service-id: PagerDuty does not know PGONE',
      });
    serveScorecard(
      checkoutApiScorecard({
        scorecard: scorecardOf([
          checkResult('owner-set', 'pass'),
          checkResult('pagerduty-service-linked', 'fail', {
            message: 'pagerduty.com/service-id: PagerDuty does not know PGONE',
            fix: { text: 'Use the id from the service URL.' },
          }),
          blocked('level1-always-covered'),
          blocked('rotation-has-multiple-people'),
          blocked('mtta-under-threshold'),
        ]),
      }),
    );
    await renderCard();

    const root = await screen.findByRole('listitem', {
      name: 'PagerDuty service linked',
    });
    expect(root).toHaveTextContent(
      'Root cause: 3 other checks cannot be judged until this passes',
    );
    expect(
      within(root).getByRole('note', { name: 'Checks this blocks' }),
    ).toHaveTextContent(
      'Fixing this also settles “Level 1 always covered”, “MTTA under threshold” and “Rotation has several people”',
    );
    expect(
      within(root).getByRole('note', { name: 'How to fix' }),
    ).toHaveTextContent('Use the id from the service URL.');
    // The blocked checks are not listed as failures with their own (wrong) fix.
    for (const title of [
      'Level 1 always covered',
      'Rotation has several people',
      'MTTA under threshold',
    ]) {
      expect(
        screen.queryByRole('listitem', { name: title }),
      ).not.toBeInTheDocument();
    }
    expect(screen.queryByText('Fix level 1 always covered.')).toBeNull();
  });

  it('says when it was last evaluated and, separately, when it last changed', async () => {
    // Evaluated 4 minutes ago, confirmed by a run 2 minutes ago, last
    // changed 16 minutes ago.
    serveScorecard(
      checkoutApiScorecard({
        lastCheckedAt: minutesFromNow(-2),
        lastChangedAt: minutesFromNow(-16),
      }),
    );
    await renderCard();
    const card = await screen.findByRole('region', {
      name: 'Readiness scorecard',
    });
    expect(
      await within(card).findByText('evaluated 2m ago'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(/applicable checks pass · last changed/),
    ).toHaveTextContent(/ · last changed 16m ago$/);
  });

  it('shows only the failing checks when asked to', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const passing = await screen.findByRole('listitem', { name: 'Owner set' });
    const toggle = screen.getByRole('checkbox', {
      name: /Failing checks only \(\d+\)/,
    });
    await userEvent.click(toggle);
    expect(passing).not.toBeInTheDocument();
    expect(
      screen.queryByRole('listitem', { name: 'TechDocs annotation' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
    await userEvent.click(toggle);
    expect(
      await screen.findByRole('listitem', { name: 'Owner set' }),
    ).toBeInTheDocument();
  });

  it('marks stale facts and explains an error result', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const item = await screen.findByRole('listitem', { name: 'SLOs met' });
    expect(within(item).getByText('Error')).toBeInTheDocument();
    const row = within(item).getByRole('row', { name: /Attainment \(30d\)/ });
    expect(within(row).getByText('stale')).toBeInTheDocument();
    expect(row).toHaveTextContent('3h ago');
  });

  it('shows exemptions with expiry, reason and approver, and flags expired ones', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const exempt = await screen.findByRole('listitem', {
      name: 'TechDocs annotation',
    });
    expect(within(exempt).getByText('Exempt')).toBeInTheDocument();
    await userEvent.click(within(exempt).getByRole('button'));
    expect(
      within(exempt).getByText(
        'Exempt until Jun 30, 2025 — Docs move to the new portal in Q2 — approved by dana',
      ),
    ).toBeInTheDocument();

    const expired = screen.getByRole('listitem', {
      name: 'MTTA under threshold',
    });
    expect(within(expired).getByText('Fail')).toBeInTheDocument();
    // An expired exemption fails again, so it starts open.
    expect(
      within(expired).getByText(
        'Exemption expired Feb 28, 2025 — New paging flow rolling out — approved by erin',
      ),
    ).toBeInTheDocument();
  });

  it('folds not-applicable checks away at the end', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const toggle = await screen.findByRole('button', {
      name: 'Not applicable (1)',
    });
    expect(
      screen.queryByText(/No alert rule is attributed/),
    ).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(
      screen.getByText(/No alert rule is attributed to this entity/),
    ).toBeInTheDocument();
  });

  it('warns that a scorecard built on stale facts may be out of date', async () => {
    serveScorecard(checkoutApiScorecard());
    await renderCard();

    const alert = await screen.findByText('This scorecard may be out of date');
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'Facts from prometheus:main are stale (last synced 3h ago)',
    );
  });

  it('says so at the top level and shows no stale warning when fresh', async () => {
    const checks = checkoutApiChecks().map(check =>
      check.state === 'not-applicable'
        ? check
        : checkResult(check.checkId, 'pass'),
    );
    serveScorecard(
      checkoutApiScorecard({
        stale: false,
        scorecard: scorecardOf(checks, {
          level: { id: 'gold', title: 'Gold', index: 2 },
          nextLevel: null,
        }),
      }),
    );
    await renderCard();

    expect(await screen.findByLabelText('Level: Gold')).toBeInTheDocument();
    expect(screen.getByText(/Top level reached/)).toBeInTheDocument();
    expect(screen.queryByText(/may be out of date/)).not.toBeInTheDocument();
  });

  it('shows "No level" below the first level', async () => {
    serveScorecard(
      checkoutApiScorecard({
        scorecard: scorecardOf(
          [checkResult('owner-set', 'fail'), checkResult('tier-set', 'pass')],
          {
            level: null,
            nextLevel: {
              id: 'bronze',
              title: 'Bronze',
              index: 0,
              blockingCheckIds: ['owner-set'],
            },
          },
        ),
      }),
    );
    await renderCard();

    expect(await screen.findByLabelText('Level: No level')).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Next level: Bronze' }),
    ).toHaveTextContent('Owner set');
  });

  it('explains that an entity awaits its first evaluation', async () => {
    serveScorecard(scorecardInState('awaiting-evaluation'));
    await renderCard();

    expect(await screen.findByText('Awaiting evaluation')).toBeInTheDocument();
    expect(screen.getByText(/evaluated every few minutes/)).toBeInTheDocument();
  });

  it('explains an entity out of scope, or hides when asked to', async () => {
    serveScorecard(scorecardInState('not-in-scope'));
    const { unmount } = await renderCard();
    expect(
      await screen.findByText(/do not cover this entity/),
    ).toBeInTheDocument();
    unmount();

    await renderCard({ hideWhenNotInScope: true });
    // The card shows while it loads, then gives its place away.
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Readiness scorecard' }),
      ).not.toBeInTheDocument(),
    );
    expect(screen.queryByText(/do not cover this entity/)).toBeNull();
  });

  it("shows the backend's error and loads again on retry", async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      return calls === 1
        ? HttpResponse.json(
            {
              error: { name: 'Error', message: 'database is locked' },
              request: { method: 'GET', url: '/scorecard' },
              response: { statusCode: 500 },
            },
            { status: 500 },
          )
        : HttpResponse.json(checkoutApiScorecard());
    });
    await renderCard();

    expect(
      await screen.findByText('Could not load reliability data'),
    ).toBeInTheDocument();
    expect(screen.getByText('database is locked')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText('Level: Bronze')).toBeInTheDocument();
  });
});

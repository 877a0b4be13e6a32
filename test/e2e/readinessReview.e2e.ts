/*
 * End-to-end: a readiness review in a real headless Chromium, walked by the
 * people it needs. Alice (Payments) opens a beta review of checkout-api,
 * answers its questions and submits it; Erin (SRE) and Frank (Security) sign
 * their sections in their own browser sessions; the review is approved.
 * Then someone points checkout-api at a one-level escalation policy in
 * PagerDuty, and the approved review turns drifted, naming the check.
 *
 * Before that, the demo's seed fills the board with a review in every state
 * through the public API, as `npm start` does.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Page } from 'playwright-core';
import {
  seedDemoReviews,
  waitForScorecards,
} from '@preflight/demo-fixtures/seed-reviews';
import { checkAccessibility } from './checkAccessibility';
import { DemoStack, outputDir, startDemoStack } from './demoPortal';

let simulator: DemoStack['simulator'];
let backend: DemoStack['backend'];
let browser: DemoStack['browser'];
let stack: DemoStack | undefined;

before(async () => {
  stack = await startDemoStack();
  ({ simulator, backend, browser } = stack);
});

after(async () => {
  await stack?.stop();
});

/** A browser session signed in as one of the demo's people. */
async function signedInAs(label: string, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1100 },
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: `Sign in as ${label}` }).click();
  return page;
}

async function shot(page: Page, file: string) {
  await page.screenshot({ path: path.join(outputDir, file), fullPage: true });
}

/** Reloads until `check` passes: syncs and evaluations take a few seconds. */
async function eventually(
  page: Page,
  check: () => Promise<void>,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await shot(page, 'failure-review.png');
        throw error;
      }
      await page.reload();
    }
  }
}

function section(page: Page, title: string) {
  return page.getByRole('region', { name: title });
}

test('the demo seed leaves a review in every state on the board', async () => {
  assert.equal(
    await seedDemoReviews({
      baseUrl: backend.baseUrl,
      simulatorUrl: simulator.url,
    }),
    true,
  );
  const page = await signedInAs(
    'Erin Evans',
    `${backend.baseUrl}/reliability/reviews`,
  );
  const board = page.getByRole('table', { name: 'Readiness reviews' });
  await eventually(page, async () => {
    for (const [entity, state] of [
      ['Checkout API', 'Approved'],
      ['Payments Gateway', 'In review'],
      ['Web storefront', 'Changes requested'],
      ['Ledger', 'Draft'],
      ['Fraud detector', 'Cancelled'],
    ]) {
      await board
        .getByRole('row')
        .filter({ hasText: entity })
        .getByText(state, { exact: true })
        .waitFor({ timeout: 10_000 });
    }
    // The approved api-gateway review drifts once the sync sees the new
    // escalation policy and the scorecards are re-evaluated.
    await board
      .getByRole('row')
      .filter({ hasText: 'API gateway' })
      .getByText('Drifted', { exact: true })
      .waitFor({ timeout: 5_000 });
  });
  await shot(page, 'reviews-board.png');
  await checkAccessibility(page, 'readiness reviews board');
  await page.context().close();
});

test('a review is answered, submitted, signed off by two reviewers, approved and then drifts', async () => {
  const tab = `${backend.baseUrl}/catalog/default/component/checkout-api/readiness-review`;
  // Check items are judged from the stored scorecard: wait for the first
  // evaluation, as a reviewer would wait for the checks to show.
  await waitForScorecards(backend.baseUrl, ['checkout-api']);

  // Alice, the service owner, opens the beta review and answers it.
  const alice = await signedInAs('Alice Andersen', tab);
  const openForm = alice.getByRole('form', { name: 'Open a review' });
  await openForm.waitFor({ timeout: 60_000 });
  await openForm.getByLabel('Stage').click();
  await alice.getByRole('option', { name: 'beta', exact: true }).click();
  await openForm.getByRole('button', { name: 'Open review' }).click();
  const answerForms = alice.getByRole('form', { name: /^Answer “/ });
  await answerForms.first().waitFor();
  while ((await answerForms.count()) > 0) {
    const form = answerForms.first();
    await form.getByRole('radio', { name: 'Yes' }).check();
    const evidence = form.getByLabel(/Evidence links/);
    if (await evidence.count()) {
      await evidence.fill(
        'https://wiki.example.com/reliability/checkout-api/beta Evidence',
      );
    }
    const remaining = await answerForms.count();
    await form.getByRole('button', { name: 'Save answer' }).click();
    await alice.waitForFunction(
      ([name, count]) =>
        document.querySelectorAll(`form[aria-label^="${name}"]`).length < count,
      ['Answer “', remaining] as const,
    );
  }
  await alice.getByRole('button', { name: 'Submit for review' }).click();
  await alice.getByText('In review', { exact: true }).first().waitFor();
  // The DRI may not sign her own review; the button says why.
  const aliceSignoff = section(alice, 'Security').getByRole('button', {
    name: 'Sign off',
  });
  assert.equal(await aliceSignoff.isDisabled(), true);
  await shot(alice, 'review-in-review.png');
  await checkAccessibility(alice, 'checkout-api review in review (DRI)');
  const reviewUrl = alice.url();
  await alice.context().close();

  // Erin signs every SRE section; Frank signs Security.
  for (const [person, sections] of [
    [
      'Erin Evans',
      [
        'Ownership and on-call',
        'SLOs and alerting',
        'Runbooks and incident response',
        'Capacity and disaster recovery',
      ],
    ],
    ['Frank Fischer', ['Security']],
  ] as const) {
    const reviewer = await signedInAs(person, reviewUrl);
    for (const title of sections) {
      const panel = section(reviewer, title);
      await panel.getByRole('button', { name: 'Sign off' }).click();
      const dialog = reviewer.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Sign off' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await panel
        .getByText(/Signed off/)
        .first()
        .waitFor();
    }
    if (person === 'Frank Fischer') {
      await reviewer.getByText('Approved', { exact: true }).first().waitFor();
      await shot(reviewer, 'review-approved.png');
    }
    await reviewer.context().close();
  }

  // Someone moves checkout-api to a one-level escalation policy.
  const res = await fetch(`${simulator.url}/__control`, {
    method: 'POST',
    body: JSON.stringify({
      reassignService: { serviceId: 'PCHKOUT', escalationPolicyId: 'PEMSH01' },
    }),
  });
  assert.equal(res.status, 200);
  const owner = await signedInAs('Alice Andersen', reviewUrl);
  const banner = owner.getByRole('alert', { name: 'Review drifted' });
  await eventually(owner, async () => {
    await banner.waitFor({ timeout: 10_000 });
  });
  assert.match(await banner.innerText(), /escalation/i);
  await shot(owner, 'review-drifted.png');
  await checkAccessibility(owner, 'checkout-api drifted review');
  await owner.context().close();
});

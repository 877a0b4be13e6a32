/*
 * End-to-end: the demo portal in a real headless Chromium. A service owner
 * opens a component page and sees who is on call and the runbooks; then
 * PagerDuty goes away, the next sync fails, and the page shows a stale
 * warning while still showing the last-known on-call.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startPagerDutySimulator } from '../simulator';
import { outputDir, RunningBackend, startDemoBackend } from './demoPortal';

const SIM_TOKEN = 'sim-token-preflight';

let simulator: Awaited<ReturnType<typeof startPagerDutySimulator>>;
let backend: RunningBackend;
let browser: Browser;

before(async () => {
  fs.mkdirSync(outputDir, { recursive: true });
  simulator = await startPagerDutySimulator({ fleet: 'demo' });
  backend = await startDemoBackend({
    pagerDutyBaseUrl: simulator.url,
    syncEverySeconds: 5,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  await simulator?.close().catch(() => undefined);
});

/** Who PagerDuty itself says holds level 1 of a policy right now. */
async function levelOneOnCallNow(policyId: string): Promise<string[]> {
  const now = new Date();
  const params = new URLSearchParams({
    'escalation_policy_ids[]': policyId,
    since: now.toISOString(),
    until: new Date(now.getTime() + 60_000).toISOString(),
    limit: '100',
  });
  const res = await fetch(`${simulator.url}/oncalls?${params}`, {
    headers: {
      Authorization: `Token token=${SIM_TOKEN}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    },
  });
  const body = (await res.json()) as {
    oncalls: Array<{ escalation_level: number; user: { summary: string } }>;
  };
  return body.oncalls
    .filter(o => o.escalation_level === 1)
    .map(o => o.user.summary);
}

async function signInAsGuest(page: Page) {
  const enter = page.getByRole('button', { name: /enter/i });
  if (await enter.isVisible().catch(() => false)) {
    await enter.click();
  }
}

/** Reloads until `check` passes; the catalog and the first sync take a moment. */
async function eventually(
  page: Page,
  url: string,
  check: () => Promise<void>,
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    await page.goto(url);
    await signInAsGuest(page);
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

test('a component page shows the on-call person and runbooks, then stale data when PagerDuty is down', async () => {
  const expectedOnCall = await levelOneOnCallNow('PEPAY01');
  assert.ok(expectedOnCall.length > 0, 'the demo fleet has someone on call');

  const page = await browser.newPage({
    viewport: { width: 1440, height: 1100 },
  });
  const url = `${backend.baseUrl}/catalog/default/component/checkout-api`;

  await eventually(page, url, async () => {
    await page
      .getByText(expectedOnCall[0], { exact: false })
      .first()
      .waitFor({ timeout: 10_000 });
  });

  const runbook = page.getByRole('link', { name: /Checkout API runbook/ });
  await runbook.waitFor();
  assert.equal(
    await runbook.getAttribute('href'),
    'https://runbooks.example.com/payments/checkout-api',
  );
  assert.equal(await runbook.getAttribute('target'), '_blank');
  await page.screenshot({
    path: path.join(outputDir, 'entity-overview.png'),
    fullPage: true,
  });

  // PagerDuty goes away; the next scheduled sync fails.
  await simulator.close();

  await eventually(
    page,
    url,
    async () => {
      await page.getByText(/stale/i).first().waitFor({ timeout: 10_000 });
    },
    90_000,
  );
  // The last-known on-call is still on screen.
  await page.getByText(expectedOnCall[0]).first().waitFor();
  await page.screenshot({
    path: path.join(outputDir, 'entity-overview-stale.png'),
    fullPage: true,
  });
  await page.close();
});

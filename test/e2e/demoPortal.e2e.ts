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
import { Locator, Page } from 'playwright-core';
import {
  DemoStack,
  levelOneOnCallAt,
  outputDir,
  reloadUntil,
  startDemoStack,
} from './demoPortal';
import { checkAccessibility } from './checkAccessibility';

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

/**
 * A page in a context of its own (the accessibility engine needs an
 * explicit context, and a fresh one keeps each test's local storage apart).
 */
async function openPage(options: {
  viewport: { width: number; height: number };
}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Closing the page closes its context too.
  page.on('close', () => {
    context.close().catch(() => undefined);
  });
  return page;
}

/** Who the simulator says holds level 1 of a policy right now. */
function levelOneOnCallNow(policyId: string): Promise<string[]> {
  return levelOneOnCallAt(simulator.url, policyId);
}

function componentUrl(name: string): string {
  return `${backend.baseUrl}/catalog/default/component/${name}`;
}

/** Reloads until `check` passes; the catalog and the first sync take a moment. */
function eventually(
  page: Page,
  url: string,
  check: () => Promise<void>,
  timeoutMs = 60_000,
) {
  return reloadUntil(page, url, check, {
    timeoutMs,
    screenshotPath: path.join(outputDir, 'failure.png'),
  });
}

test('a component page shows who is on call and the runbooks', async () => {
  const expectedOnCall = await levelOneOnCallNow('PEPAY01');
  assert.ok(expectedOnCall.length > 0, 'the demo fleet has someone on call');

  const page = await openPage({
    viewport: { width: 1440, height: 1100 },
  });
  await eventually(page, componentUrl('checkout-api'), async () => {
    await page
      .getByRole('region', { name: 'On call' })
      .getByText(expectedOnCall[0])
      .first()
      .waitFor({ timeout: 10_000 });
  });

  // Preflight's runbook link opens in a new tab without leaking the
  // referrer (the demo leaves the catalog's Links card out: it repeated it).
  const runbook = page
    .locator('a[rel="noopener noreferrer"]')
    .filter({ hasText: 'Checkout API runbook' });
  await runbook.waitFor();
  assert.equal(
    await runbook.getAttribute('href'),
    'https://runbooks.example.com/payments/checkout-api',
  );
  assert.equal(await runbook.getAttribute('target'), '_blank');
  // The glance card at the top names the same person.
  await page
    .getByRole('region', { name: 'Reliability at a glance' })
    .getByRole('group', { name: 'On call now (level 1)' })
    .getByText(expectedOnCall[0])
    .first()
    .waitFor();
  await page.screenshot({
    path: path.join(outputDir, 'entity-overview.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'checkout-api overview');

  // The Reliability tab gathers the cards; check it in the dark theme too.
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.goto(`${componentUrl('checkout-api')}/reliability`);
  await page
    .getByRole('region', { name: 'On call' })
    .getByText(expectedOnCall[0])
    .first()
    .waitFor();
  await page.getByText('Checkout API runbook').first().waitFor();
  await page.screenshot({
    path: path.join(outputDir, 'reliability-tab-dark.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'checkout-api reliability tab (dark)');
  await page.evaluate(() => window.localStorage.setItem('theme', 'light'));
  await page.close();
});

test('entities with missing, unknown or malformed PagerDuty metadata say how to fix it', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 1100 },
  });
  const expectations: Array<[string, RegExp]> = [
    ['fraud-detector', /No PagerDuty service linked/],
    ['build-runner', /PagerDuty service not found/],
    ['metrics-pipeline', /is a URL, not a service id/],
  ];
  for (const [name, text] of expectations) {
    await eventually(page, componentUrl(name), async () => {
      await page.getByText(text).first().waitFor({ timeout: 10_000 });
    });
    await page.screenshot({
      path: path.join(outputDir, `entity-${name}.png`),
      fullPage: true,
    });
    await checkAccessibility(page, `${name} overview`);
  }
  // A component without runbooks gets a hint instead of an empty card.
  await eventually(page, componentUrl('search-indexer'), async () => {
    await page
      .getByText(/no runbooks/i)
      .first()
      .waitFor({ timeout: 10_000 });
  });
  await checkAccessibility(page, 'search-indexer overview');
  await page.close();
});

test('a team page shows who is on call for each service the team owns', async () => {
  const expectedOnCall = await levelOneOnCallNow('PEPAY01');
  assert.ok(expectedOnCall.length > 0, 'the demo fleet has someone on call');

  const page = await openPage({
    viewport: { width: 1440, height: 1100 },
  });
  const card = page.getByRole('region', { name: 'Team on-call' });
  // The row of checkout-api, found by its catalog link whatever its title.
  const checkoutRow = card.getByRole('row').filter({
    has: page.locator('a[href$="/catalog/default/component/checkout-api"]'),
  });
  await eventually(
    page,
    `${backend.baseUrl}/catalog/default/group/team-payments`,
    async () => {
      await checkoutRow
        .getByText(expectedOnCall[0])
        .first()
        .waitFor({ timeout: 10_000 });
    },
  );
  // Reachable right from the table, by e-mail and phone.
  assert.match(
    (await checkoutRow
      .locator('a[href^="mailto:"]')
      .first()
      .getAttribute('href')) ?? '',
    /^mailto:[^@]+@example\.com$/,
  );
  assert.match(
    (await checkoutRow
      .locator('a[href^="tel:"]')
      .first()
      .getAttribute('href')) ?? '',
    /^tel:\+1555\d+$/,
  );
  // fraud-detector has no PagerDuty annotation: shown, and said so.
  await card
    .getByRole('row')
    .filter({
      has: page.locator('a[href$="/catalog/default/component/fraud-detector"]'),
    })
    .getByText('Not configured')
    .waitFor();
  await page.screenshot({
    path: path.join(outputDir, 'group-on-call.png'),
    fullPage: true,
  });
  // The page scrolls inside Backstage's layout, so keep the whole card too.
  await card.screenshot({
    path: path.join(outputDir, 'group-on-call-card.png'),
  });
  await checkAccessibility(page, 'team-payments overview');
  await page.close();
});

test('SLO widgets show attainment and burn, and the deploy gate blocks a burning service', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 1800 },
  });
  await eventually(
    page,
    `${componentUrl('payments-gateway')}/reliability`,
    async () => {
      await page
        .getByText(/Deploys blocked/)
        .first()
        .waitFor({ timeout: 10_000 });
    },
  );
  await page.screenshot({
    path: path.join(outputDir, 'slo-burning.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'payments-gateway reliability tab');

  await eventually(
    page,
    `${componentUrl('checkout-api')}/reliability`,
    async () => {
      await page
        .getByText(/Deploys allowed/)
        .first()
        .waitFor({ timeout: 10_000 });
    },
  );
  // Real numbers, never NaN or Infinity, on a healthy service.
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /NaN|Infinity/);
  await page.screenshot({
    path: path.join(outputDir, 'slo-healthy.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'checkout-api reliability tab');
  await page.close();
});

/**
 * Screenshots one region of a page. Backstage scrolls inside its own
 * container, so the page is opened tall enough to hold the region and the
 * shot is clipped to it.
 */
async function screenshotRegion(page: Page, region: Locator, file: string) {
  const box = await region.boundingBox();
  assert.ok(box, `${file}: the region is on screen`);
  await page.screenshot({ path: path.join(outputDir, file), clip: box });
}

test('a component page shows its readiness scorecard: level, failing checks with their fix, exemptions', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 3200 },
  });
  const card = page.getByRole('region', { name: 'Readiness scorecard' });
  // ledger-service: silver, held back from gold by a missing spec.dependsOn,
  // with an active exemption for its missing SLOs (catalog/payments.yaml).
  await eventually(page, componentUrl('ledger-service'), async () => {
    await card.getByText('Silver').first().waitFor({ timeout: 10_000 });
  });
  await card.getByText('Dependencies declared').first().waitFor();
  // The failing check says what to do about it.
  await card
    .getByText(/spec\.dependsOn/)
    .first()
    .waitFor();
  await card
    .getByText(/Exempt/)
    .first()
    .waitFor();
  assert.match(await card.innerText(), /\d+%/);
  await screenshotRegion(page, card, 'scorecard-entity.png');
  await checkAccessibility(page, 'ledger-service overview');

  // web-storefront: its TechDocs exemption expired, so the check fails again.
  await eventually(page, componentUrl('web-storefront'), async () => {
    await card.getByText('TechDocs').first().waitFor({ timeout: 10_000 });
  });
  await card
    .getByText(/expired/i)
    .first()
    .waitFor();
  await checkAccessibility(page, 'web-storefront overview');
  await page.close();
});

test('a team page lists every service the team and its sub-teams own, with level and score', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 2000 },
  });
  const table = page.getByRole('table', { name: 'Scorecards per entity' });
  await eventually(
    page,
    `${backend.baseUrl}/catalog/default/group/team-platform/scorecards`,
    async () => {
      // api-gateway is owned by team-edge, a sub-team of team-platform.
      await table
        .locator('a[href$="/catalog/default/component/api-gateway"]')
        .first()
        .waitFor({ timeout: 10_000 });
    },
  );
  for (const service of ['auth-service', 'service-mesh', 'build-runner']) {
    await table
      .locator(`a[href$="/catalog/default/component/${service}"]`)
      .first()
      .waitFor();
  }
  // build-runner's PagerDuty id is unknown, so it is below bronze.
  const buildRunner = table.getByRole('row').filter({
    has: page.locator('a[href$="/catalog/default/component/build-runner"]'),
  });
  await buildRunner.getByText('No level').waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /export csv/i }).click();
  const csvPath = await (await download).path();
  const csv = fs.readFileSync(csvPath!, 'utf8');
  assert.match(csv.split('\n')[0], /Entity/);
  assert.match(csv, /api-gateway|API gateway/);
  await screenshotRegion(
    page,
    page.getByRole('region', { name: 'Team scorecards' }),
    'scorecard-team.png',
  );
  await checkAccessibility(page, 'team-platform scorecards tab');
  await page.close();
});

test('every column of the team table is readable at 1024 and 1440 px, light and dark', async () => {
  for (const width of [1024, 1440]) {
    for (const theme of ['light', 'dark']) {
      const page = await openPage({ viewport: { width, height: 2000 } });
      await page.goto(backend.baseUrl);
      await page.evaluate(
        value => window.localStorage.setItem('theme', value),
        theme,
      );
      const table = page.getByRole('table', { name: 'Scorecards per entity' });
      // team-payments: SLOs, a page-level burn and incidents fill every
      // column.
      const gateway = table.getByRole('row', { name: 'Payments Gateway' });
      await eventually(
        page,
        `${backend.baseUrl}/catalog/default/group/team-payments/scorecards`,
        async () => {
          await gateway.getByText(/budget/).waitFor({ timeout: 10_000 });
        },
        120_000,
      );
      await screenshotRegion(
        page,
        page.getByRole('region', { name: 'Team scorecards' }),
        `scorecard-team-${width}-${theme}.png`,
      );
      // Nothing scrolls out of view: the table is no wider than its box.
      const overflow = await table.evaluate(
        element => element.scrollWidth - element.parentElement!.clientWidth,
      );
      assert.ok(
        overflow <= 0,
        `${width} px ${theme}: the table is ${overflow} px too wide`,
      );
      // The last column is on screen, header and figures.
      const last = table.getByRole('columnheader').last();
      assert.match(await last.innerText(), /Open incidents\s*MTTR/);
      const box = await last.boundingBox();
      assert.ok(box && box.x + box.width <= width, 'last column on screen');
      // Header names never break: each lays out on one line.
      for (const label of ['Open incidents', 'On-call', 'Failing', 'MTTR']) {
        const lines = await table
          .getByRole('button', { name: label, exact: true })
          .evaluate(button => {
            const text = [...button.childNodes].find(
              node => node.nodeType === Node.TEXT_NODE,
            )!;
            const range = document.createRange();
            range.selectNodeContents(text);
            return new Set(
              [...range.getClientRects()].map(rect => Math.round(rect.top)),
            ).size;
          });
        assert.equal(lines, 1, `${width} px: the ${label} header wraps`);
      }
      await checkAccessibility(
        page,
        `team-payments scorecards tab (${theme}, ${width} px)`,
      );
      await page.evaluate(() => window.localStorage.setItem('theme', 'light'));
      await page.close();
    }
  }
});

test('the overview ranks teams and previews a rubric change', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 2400 },
  });
  const teams = page.getByRole('table', {
    name: 'Teams ranked by average score',
  });
  await eventually(
    page,
    `${backend.baseUrl}/reliability/scorecards`,
    async () => {
      await teams.getByRole('link').first().waitFor({ timeout: 10_000 });
    },
  );
  // "What if SLOs were a bronze requirement?" web-storefront is bronze
  // without SLOs or an exemption for them, so it would drop.
  const panel = page.getByRole('region', { name: 'What if?' });
  const choose = async (label: string, option: string) => {
    await panel.getByRole('combobox', { name: label }).click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: option })
      .click();
  };
  await choose('Check', 'SLOs defined');
  await choose('To level', 'Bronze');
  await panel.getByRole('button', { name: 'Preview' }).click();
  await panel
    .getByText(/Adding “SLOs defined” to Bronze drops \d+/)
    .waitFor({ timeout: 10_000 });
  await panel
    .getByRole('list', { name: 'Entities that would drop' })
    .locator('a[href$="/catalog/default/component/web-storefront"]')
    .first()
    .waitFor();
  // Team names open the team's Scorecards tab, not the group's overview.
  for (const href of await teams
    .getByRole('link')
    .evaluateAll(links => links.map(link => link.getAttribute('href')))) {
    assert.match(href ?? '', /^\/catalog\/default\/group\/[\w-]+\/scorecards$/);
  }
  await page.screenshot({
    path: path.join(outputDir, 'scorecard-overview.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'scorecard overview page');
  await page.close();
});

test('a failing check drills down to the teams it fails for, and on to their entities failing it', async () => {
  const page = await openPage({
    viewport: { width: 1440, height: 2400 },
  });
  const checks = page.getByRole('table', { name: 'Checks failing most' });
  await eventually(
    page,
    `${backend.baseUrl}/reliability/scorecards`,
    async () => {
      await checks.getByRole('link').first().waitFor({ timeout: 10_000 });
    },
  );
  // The check failing most: a link to its drill-down on the same page.
  const check = checks.getByRole('link').first();
  const title = await check.innerText();
  const href = await check.getAttribute('href');
  assert.match(href ?? '', /^\/reliability\/scorecards\?check=[\w-]+$/);
  await check.click();
  const drill = page.getByRole('region', { name: `Where “${title}” fails` });
  const teams = drill.getByRole('table', { name: `Teams failing ${title}` });
  await teams.waitFor();
  const firstTeam = teams.getByRole('row').nth(1);
  const [failing, errors] = (
    await firstTeam.getByRole('cell').allInnerTexts()
  ).slice(1);
  const teamLink = firstTeam.getByRole('link');
  assert.match(
    (await teamLink.getAttribute('href')) ?? '',
    /^\/catalog\/default\/group\/[\w-]+\/scorecards\?owner=group%3Adefault%2F[\w-]+&check=[\w-]+$/,
  );
  // The list and the drill-down below it, in one picture.
  const top = await page
    .getByRole('region', { name: 'Checks failing most' })
    .boundingBox();
  const bottom = await drill.boundingBox();
  assert.ok(top && bottom, 'the list and the drill-down are on screen');
  await page.screenshot({
    path: path.join(outputDir, 'scorecard-drill-down.png'),
    clip: {
      x: top.x,
      y: top.y,
      width: top.width,
      height: bottom.y + bottom.height - top.y,
    },
  });
  await checkAccessibility(page, 'scorecard overview, one check opened');

  // On to the team's scorecards, narrowed to its entities failing the check:
  // as many rows as the drill-down counted.
  await teamLink.click();
  await page.waitForURL(/\/scorecards\?owner=.+&check=/);
  const table = page.getByRole('table', { name: 'Scorecards per entity' });
  const entityRows = table.getByRole('row').filter({
    has: page.locator('a[href*="/catalog/default/"]'),
  });
  const expected = Number(failing) + Number(errors);
  await page.waitForFunction(
    count =>
      document.querySelectorAll(
        'table[aria-label="Scorecards per entity"] tbody tr[aria-label]',
      ).length === count,
    expected,
    { timeout: 20_000 },
  );
  assert.equal(await entityRows.count(), expected);
  assert.equal(
    await page.getByRole('combobox', { name: 'Failing check' }).innerText(),
    title,
  );
  await page.close();
});

test('the overview says at a glance that a burning service may not deploy, at 1024 and 1440 px, light and dark', async () => {
  for (const width of [1024, 1440]) {
    for (const theme of ['light', 'dark']) {
      const page = await openPage({
        viewport: { width, height: 1100 },
      });
      const card = page.getByRole('region', {
        name: 'Reliability at a glance',
      });
      // The theme is read when the app starts: set it, then open the page.
      await page.goto(backend.baseUrl);
      await page.evaluate(
        value => window.localStorage.setItem('theme', value),
        theme,
      );
      await eventually(page, componentUrl('payments-gateway'), async () => {
        await card
          .getByRole('group', { name: 'Deploy gate' })
          .getByText('Deploys blocked')
          .waitFor({ timeout: 10_000 });
      });
      // payments-gateway burns at page level: its worst SLO must not look fine.
      const worst = card.getByRole('group', { name: 'Worst SLO' });
      await worst
        .getByText(/budget/i)
        .first()
        .waitFor();
      assert.doesNotMatch(await worst.innerText(), /Within budget/);
      assert.doesNotMatch(await card.innerText(), /NaN|Infinity|undefined/);
      await screenshotRegion(page, card, `glance-${width}-${theme}.png`);
      await page.screenshot({
        path: path.join(outputDir, `entity-overview-${width}-${theme}.png`),
        fullPage: true,
      });
      await checkAccessibility(
        page,
        `payments-gateway overview (${theme}, ${width} px)`,
      );
      if (width === 1024 && theme === 'light') {
        // From the keyboard: the details link opens the reliability tab.
        const details = card.getByRole('link', {
          name: 'All reliability details',
        });
        await details.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/payments-gateway\/reliability$/);
      }
      await page.evaluate(() => window.localStorage.setItem('theme', 'light'));
      await page.close();
    }
  }
});

/** Opens a page in the given theme; the theme is read when the app starts. */
async function openThemedPage(width: number, theme: string) {
  const page = await openPage({ viewport: { width, height: 1100 } });
  await page.goto(backend.baseUrl);
  await page.evaluate(
    value => window.localStorage.setItem('theme', value),
    theme,
  );
  return page;
}

/**
 * The whole page: Backstage scrolls its content inside the page, so a
 * full-page screenshot would leave everything below the fold blank. The
 * viewport grows to the content for the shot and is put back after it.
 */
async function wholePageShot(page: Page, file: string) {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(
      ...Array.from(
        document.querySelectorAll('body, body *'),
        element => element.scrollHeight,
      ),
    ),
  );
  await page.setViewportSize({ width: viewport.width, height });
  await page.screenshot({ path: path.join(outputDir, file) });
  await page.setViewportSize(viewport);
}

/** The report's title, "<scope>: <Month> <year>". */
function reportHeading(page: Page) {
  return page.getByRole('heading', {
    level: 2,
    name: /: [A-Z][a-z]+ \d{4}$/,
  });
}

/** What a reader must never see in a report: broken or missing figures. */
async function assertNoBrokenFigures(region: Locator, what: string) {
  assert.doesNotMatch(
    await region.innerText(),
    /NaN|Infinity|\bundefined\b|\bnull\b/,
    `${what} shows a broken figure`,
  );
}

test('the organisation report shows headline figures against last month and a year of trends, at 1024 and 1440 px, light and dark', async () => {
  for (const width of [1024, 1440]) {
    for (const theme of ['light', 'dark']) {
      const page = await openThemedPage(width, theme);
      // The backend folds days in its own zone: the browser never sends one.
      const reportQueries: string[] = [];
      page.on('request', request => {
        if (request.url().includes('/api/reliability/reports')) {
          reportQueries.push(request.url());
        }
      });
      const headline = page.getByRole('region', { name: 'Headline' });
      const incidents = headline.getByRole('group', {
        name: 'Incidents',
        exact: true,
      });
      // The first report sync reads a year of history: wait for figures.
      await eventually(
        page,
        `${backend.baseUrl}/reliability/report`,
        async () => {
          await incidents.getByText(/^\d/).first().waitFor({ timeout: 10_000 });
        },
        120_000,
      );
      await wholePageShot(page, `report-org-${width}-${theme}.png`);
      const period = await reportHeading(page).innerText();
      assert.match(period, /Organization|organisation/i);
      // Each headline names last month's figure and the change.
      const tiles = headline.getByRole('group');
      assert.ok((await tiles.count()) >= 6, 'the headline has its tiles');
      const lastMonth = await headline
        .getByText(/ against /)
        .first()
        .innerText();
      const previousLabel = lastMonth.split(' against ')[1];
      assert.ok(
        previousLabel,
        `headline names the previous month: ${lastMonth}`,
      );
      assert.match(
        await incidents.innerText(),
        new RegExp(`${previousLabel}: \\d`),
      );
      await assertNoBrokenFigures(page.locator('body'), 'organisation report');
      // The year of trends: a chart per measure, each with a table for
      // screen readers in which months differ.
      const trend = page.getByRole('region', { name: 'Last 12 months' });
      const chart = trend.getByRole('figure', { name: 'Incidents by urgency' });
      await chart.waitFor();
      const table = chart.getByRole('table', {
        name: 'Incidents by urgency, by month',
      });
      const monthly = await table.getByRole('row').allInnerTexts();
      assert.ok(monthly.length >= 12, `twelve months and a header: ${monthly}`);
      assert.ok(
        new Set(monthly.slice(1).map(row => row.replace(/^\S+ \d{4}\s*/, '')))
          .size > 2,
        `incidents move from month to month: ${monthly.join(' | ')}`,
      );
      await checkAccessibility(
        page,
        `organisation report (${theme}, ${width} px)`,
      );
      for (const query of reportQueries) {
        assert.doesNotMatch(query, /timeZone=/, `${query} sends no zone`);
      }
      await page.close();
    }
  }
});

test('the organisation report moves to the previous month and exports the headline as Markdown', async () => {
  const page = await openThemedPage(1440, 'light');
  const headline = page.getByRole('region', { name: 'Headline' });
  await eventually(page, `${backend.baseUrl}/reliability/report`, async () => {
    await headline
      .getByRole('group', { name: 'Incidents', exact: true })
      .getByText(/^\d/)
      .first()
      .waitFor({ timeout: 10_000 });
  });
  const heading = reportHeading(page);
  const lastMonth = await heading.innerText();
  await page.getByRole('button', { name: 'Previous month' }).click();
  await reportHeading(page)
    .filter({ hasNotText: lastMonth })
    .waitFor({ timeout: 30_000 });
  const monthBefore = await heading.innerText();
  assert.notEqual(monthBefore, lastMonth);
  const month = monthBefore.split(': ').pop()!;
  await headline.getByText(`${month} against `).waitFor();

  const download = page.waitForEvent('download');
  await headline.getByRole('button', { name: 'Download Markdown' }).click();
  const file = await (await download).path();
  const markdown = fs.readFileSync(file, 'utf8');
  assert.match(markdown, /## Headline/);
  assert.match(markdown, new RegExp(`\\| Measure +\\| +${month} +\\|`));
  assert.match(markdown, /\| Incidents +\| +\d/);
  assert.doesNotMatch(markdown, /NaN|undefined/);
  await page.close();
});

test('a team has a reliability report tab and an on-call health card, at 1024 and 1440 px, light and dark', async () => {
  const group = `${backend.baseUrl}/catalog/default/group/team-payments`;
  for (const width of [1024, 1440]) {
    for (const theme of ['light', 'dark']) {
      const page = await openThemedPage(width, theme);
      const card = page.getByRole('region', { name: 'On-call health' });
      await eventually(page, group, async () => {
        await card
          .getByRole('group', { name: 'Pages' })
          .getByText(/^\d/)
          .first()
          .waitFor({ timeout: 10_000 });
      });
      await assertNoBrokenFigures(card, 'on-call health card');
      // The card sits below the fold at 1100 px: let the locator scroll to it.
      await card.screenshot({
        path: path.join(outputDir, `on-call-health-${width}-${theme}.png`),
      });
      await wholePageShot(page, `group-overview-${width}-${theme}.png`);
      // The card only: Backstage's own member and profile cards fail colour
      // contrast in the dark theme (@backstage/ui secondary text on paper).
      await checkAccessibility(
        page,
        `team-payments on-call health card (${theme}, ${width} px)`,
        'section[aria-label="On-call health"]',
      );

      await page.getByRole('tab', { name: 'Reliability report' }).click();
      const headline = page.getByRole('region', { name: 'Headline' });
      await headline
        .getByRole('group', { name: 'Incidents', exact: true })
        .getByText(/^\d/)
        .first()
        .waitFor({ timeout: 30_000 });
      assert.match(await reportHeading(page).innerText(), /Payments/);
      await assertNoBrokenFigures(page.locator('body'), 'team report');
      await wholePageShot(page, `report-team-${width}-${theme}.png`);
      await checkAccessibility(
        page,
        `team-payments reliability report (${theme}, ${width} px)`,
      );
      await page.close();
    }
  }
});

test('when PagerDuty is down the page keeps the last-known on-call and says it is stale', async () => {
  const expectedOnCall = await levelOneOnCallNow('PEPAY01');
  const page = await openPage({
    viewport: { width: 1440, height: 1100 },
  });

  // PagerDuty goes away; the next scheduled sync fails.
  await simulator.close();

  await eventually(
    page,
    componentUrl('checkout-api'),
    async () => {
      await page
        .getByText(/data is stale since/)
        .first()
        .waitFor({ timeout: 10_000 });
    },
    90_000,
  );
  await page
    .getByRole('region', { name: 'On call' })
    .getByText(expectedOnCall[0])
    .first()
    .waitFor();
  await page.screenshot({
    path: path.join(outputDir, 'entity-overview-stale.png'),
    fullPage: true,
  });
  await checkAccessibility(page, 'checkout-api overview (PagerDuty down)');
  await page.close();
});

/*
 * The adopter's path, end to end: a fresh app from @backstage/create-app
 * (new frontend system) with the packed Preflight packages installed and
 * wired by the README's snippets, type-checked, built, started against the
 * PagerDuty simulator and the demo catalog, and looked at in Chromium: the
 * component cards and tab, the team's Scorecards tab and the Scorecards page,
 * each reached the way a user would, from the sidebar and the entity tabs.
 * The app runs on the supported Node this test does not (24 beside the
 * monorepo's 22; PREFLIGHT_ADOPTER_NODE_MAJOR overrides). A --legacy scaffold's app
 * package, wired by the README's legacy snippets, is type-checked with it.
 *
 * Needs dist-packs/ (npm run pack:plugins; npm test packs just before).
 * The backend runs on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_
 * CONNECTION_STRING is set (npm test sets it), which spares building the
 * scaffold's native modules; else on SQLite.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';
import type { Browser, Page } from 'playwright-core';
import { startPagerDutySimulator } from '@preflight/demo-fixtures/simulator';
import {
  launchChromium,
  levelOneOnCallAt,
  outputDir,
  reloadUntil,
  repoRoot,
  SIMULATOR_TOKEN,
} from '../e2e/demoPortal';
import {
  AdopterApp,
  checkConfigAsReadmeSays,
  RunningAppBackend,
  scaffoldAdopterApp,
  startAppBackend,
  timed,
  timedAsync,
} from './adopterApp';
import { readReadmeSnippets } from './readmeSnippets';

const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

// The app's own databases on a server other tests share.
const databasePrefix = `adopter_${process.pid}_`;

let app: AdopterApp | undefined;
let simulator: Awaited<ReturnType<typeof startPagerDutySimulator>> | undefined;
let backend: RunningAppBackend | undefined;
let browser: Browser | undefined;

before(async () => {
  const started = Date.now();
  app = scaffoldAdopterApp({
    packsDir: path.join(repoRoot, 'dist-packs'),
    buildNativeModules: !postgres,
  });
  const readme = readReadmeSnippets(
    fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'),
  );
  timed('config:check --strict', () =>
    checkConfigAsReadmeSays(app!, readme['config-check']),
  );
  // The type-check is mostly one core, the bundler mostly the other.
  await Promise.all([
    timedAsync('tsc', () => app!.yarnAsync(['tsc'])),
    timedAsync('frontend build', () =>
      app!.yarnAsync(['workspace', 'app', 'build']),
    ),
  ]);

  simulator = await startPagerDutySimulator();
  const database = postgres
    ? {
        client: 'pg',
        connection: postgres,
        prefix: databasePrefix,
      }
    : { client: 'better-sqlite3', connection: ':memory:' };
  backend = await timedAsync('backend start', () =>
    startAppBackend(app!, (baseUrl, port) => ({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        database,
        // Only Preflight must start. create-app's yarn.lock seed comes from
        // GitHub; where it cannot be fetched, the scaffold resolves each range
        // afresh and may pair a plugin with a backend-defaults it outgrew
        // (signals, today), which is none of Preflight's business.
        startup: {
          default: { onPluginBootFailure: 'continue' },
          plugins: { reliability: { onPluginBootFailure: 'abort' } },
        },
      },
      catalog: {
        // The demo fleet: components with PagerDuty services the
        // simulator knows, teams and runbooks.
        locations: [
          {
            type: 'file',
            target: path.join(repoRoot, 'catalog', 'all.yaml'),
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Group',
                  'User',
                  'Domain',
                ],
              },
            ],
          },
        ],
      },
      reliability: {
        sync: { frequency: { seconds: 10 }, initialDelay: { seconds: 1 } },
        pagerduty: {
          accounts: [
            { id: 'main', baseUrl: simulator!.url, token: SIMULATOR_TOKEN },
          ],
        },
      },
    })),
  );
  browser = await launchChromium();
  // eslint-disable-next-line no-console
  console.log(
    `adopter: ready to browse after ${Math.round(
      (Date.now() - started) / 1000,
    )} s`,
  );
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  await simulator?.close().catch(() => undefined);
  app?.remove();
  if (postgres) {
    await dropDatabases(postgres, databasePrefix);
  }
});

/** Drops the databases the app's plugins created (one per plugin). */
async function dropDatabases(connection: string, prefix: string) {
  const db = knexFactory({ client: 'pg', connection });
  try {
    const rows: Array<{ datname: string }> = await db
      .select('datname')
      .from('pg_database')
      .where('datname', 'like', `${prefix}%`);
    for (const { datname } of rows) {
      await db.raw('DROP DATABASE IF EXISTS ??', [datname]);
    }
  } finally {
    await db.destroy();
  }
}

/** Reloads until `check` passes; the catalog and first sync take a moment. */
function eventually(
  page: Page,
  url: string,
  check: () => Promise<void>,
  name: string,
) {
  return reloadUntil(page, url, check, {
    timeoutMs: 120_000,
    screenshotPath: path.join(outputDir, `adopter-${name}.png`),
  });
}

test("Preflight's cards, tabs and pages in a freshly scaffolded app", async () => {
  const page = await browser!.newPage({
    viewport: { width: 1440, height: 1100 },
  });
  try {
    await walkThePortal(page);
  } catch (error) {
    // Keep what the user would have seen, for whoever reads the failure.
    await page.screenshot({
      path: path.join(outputDir, 'adopter-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});

/**
 * An entity page's tab: a tab, or a link into the entity's pages in the tab
 * bar, depending on the catalog's header version (never the sidebar's item
 * of the same name).
 */
function entityTab(page: Page, name: RegExp) {
  return page
    .getByRole('tab', { name })
    .or(
      page
        .getByRole('link', { name })
        .and(page.locator('a[href*="/catalog/"]')),
    )
    .first();
}

/**
 * What a user does: the component's cards, its Reliability tab, the team's
 * Scorecards tab and the Scorecards page from the sidebar. Tabs and links
 * are matched case-insensitively: a theme may upper-case tab labels, and
 * Chromium's accessible names keep that.
 */
async function walkThePortal(page: Page) {
  const expectedOnCall = await levelOneOnCallAt(simulator!.url, 'PEPAY01');
  assert.ok(expectedOnCall.length > 0, 'the demo fleet has someone on call');

  // The component's overview: glance, on-call (synced from PagerDuty),
  // runbooks and the readiness scorecard.
  const checkoutApi = `${
    backend!.baseUrl
  }/catalog/default/component/checkout-api`;
  await eventually(
    page,
    checkoutApi,
    async () => {
      await page
        .getByRole('region', { name: 'On call' })
        .getByText(expectedOnCall[0])
        .first()
        .waitFor({ timeout: 10_000 });
    },
    'component-overview',
  );
  await page
    .getByRole('region', { name: 'Reliability at a glance' })
    .getByText(expectedOnCall[0])
    .first()
    .waitFor();
  await page
    .getByRole('region', { name: 'Runbooks' })
    .getByText('Checkout API runbook')
    .waitFor();
  await page.getByRole('region', { name: 'Readiness scorecard' }).waitFor();

  // The "Reliability" tab, from the entity's tabs.
  await entityTab(page, /^reliability$/i).click();
  await page.waitForURL(/\/component\/checkout-api\/reliability$/);
  await page
    .getByRole('region', { name: 'On call' })
    .getByText(expectedOnCall[0])
    .first()
    .waitFor();

  // The team's "Scorecards" tab, from the group's tabs, once evaluated.
  await eventually(
    page,
    `${backend!.baseUrl}/catalog/default/group/team-payments`,
    async () => {
      await entityTab(page, /^scorecards$/i).click();
      await page
        .getByRole('table', { name: 'Scorecards per entity' })
        .getByText('Checkout API')
        .first()
        .waitFor({ timeout: 10_000 });
    },
    'group-scorecards',
  );
  assert.match(page.url(), /\/group\/team-payments\/scorecards$/);

  // The Scorecards page, from the sidebar, with the other two pages beside.
  const sidebar = page.locator('nav');
  for (const item of ['Readiness reviews', 'Reliability report']) {
    await sidebar
      .getByRole('link', { name: new RegExp(`^${item}$`, 'i') })
      .first()
      .waitFor();
  }
  await sidebar
    .getByRole('link', { name: /^scorecards$/i })
    .first()
    .click();
  await page.waitForURL(/\/reliability\/scorecards/);
  await page
    .getByRole('table', { name: 'Teams ranked by average score' })
    .waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: path.join(outputDir, 'adopter-scorecards.png'),
  });
}

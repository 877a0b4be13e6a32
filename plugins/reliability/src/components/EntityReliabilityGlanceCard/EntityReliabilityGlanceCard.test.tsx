import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type {
  DeployGateResponse,
  EntityReliabilitySummary,
} from '@preflight/plugin-reliability-common';
import {
  BASE_URL,
  renderWithBackend,
} from '../../__testUtils__/renderWithBackend';
import {
  exhaustedSlo,
  gateResponse,
  healthySlo,
  sloEntity,
  slosResponse,
} from '../../__testUtils__/sloFixtures';
import {
  checkoutApiSummary,
  componentEntity,
  NOW,
} from '../../__testUtils__/summaryFixtures';
import { checkoutApiScorecard } from '../../__testUtils__/scorecardFixtures';
import { EntityReliabilityGlanceCard } from './EntityReliabilityGlanceCard';

const server = setupServer();
registerMswTestHooks(server);

const ENTITY_URL = `${BASE_URL}/entities/component/default/checkout-api`;

function serve(options: {
  summary?: EntityReliabilitySummary;
  gate?: DeployGateResponse;
}) {
  const requested: string[] = [];
  const record = (request: Request) =>
    requested.push(new URL(request.url).pathname.split('/').pop()!);
  server.use(
    http.get(`${ENTITY_URL}/summary`, ({ request }) => {
      record(request);
      return HttpResponse.json(options.summary ?? checkoutApiSummary());
    }),
    http.get(`${ENTITY_URL}/scorecard`, ({ request }) => {
      record(request);
      return HttpResponse.json(checkoutApiScorecard());
    }),
    http.get(`${ENTITY_URL}/slos`, ({ request }) => {
      record(request);
      return HttpResponse.json(
        slosResponse({ slos: [healthySlo(), exhaustedSlo()] }),
      );
    }),
    http.get(`${ENTITY_URL}/deploy-gate`, ({ request }) => {
      record(request);
      return HttpResponse.json(
        options.gate ??
          gateResponse({
            reasons: [
              {
                sloId: 'ledger-availability',
                kind: 'budget-exhausted' as const,
                message: 'Ledger availability has spent its error budget',
              },
            ],
          }),
      );
    }),
  );
  return requested;
}

async function renderCard(entity = sloEntity()) {
  await renderWithBackend(<EntityReliabilityGlanceCard now={NOW} />, entity);
  return screen.findByRole('region', { name: 'Reliability at a glance' });
}

describe('EntityReliabilityGlanceCard', () => {
  it('answers who is on call, open incidents, the worst SLO, the gate and the level, each with its freshness', async () => {
    const requested = serve({});
    const card = await renderCard();

    const onCall = within(card).getByRole('group', {
      name: 'On call now (level 1)',
    });
    expect(await within(onCall).findByText('Carol')).toBeInTheDocument();
    expect(
      within(onCall).getByRole('link', { name: /555 0103/ }),
    ).toHaveAttribute('href', 'tel:+15550103');
    expect(within(onCall).getByText(/as of/)).toBeInTheDocument();

    const incidents = within(card).getByRole('group', {
      name: 'Open incidents',
    });
    expect(incidents).toHaveTextContent('2 open');
    expect(incidents).toHaveTextContent('1 high urgency');

    const slo = within(card).getByRole('group', { name: 'Worst SLO' });
    // The exhausted SLO is the worst, whatever its alert says.
    expect(await within(slo).findByText('Ledger availability')).toBeVisible();
    expect(slo).toHaveTextContent('Error budget: exhausted (-200%)');
    expect(within(slo).getByText('Budget exhausted')).toBeInTheDocument();
    expect(slo).toHaveTextContent('measured 3m ago');

    const gate = within(card).getByRole('group', { name: 'Deploy gate' });
    expect(await within(gate).findByText('Deploys blocked')).toBeVisible();
    expect(gate).toHaveTextContent(
      'Ledger availability has spent its error budget',
    );

    const level = within(card).getByRole('group', { name: 'Readiness level' });
    expect(
      await within(level).findByLabelText('Level: Bronze'),
    ).toBeInTheDocument();
    expect(level).toHaveTextContent('1 check to fix for Silver');
    expect(level).toHaveTextContent('evaluated 4m ago');

    expect(
      within(card).getByRole('link', { name: 'All reliability details' }),
    ).toHaveAttribute('href', expect.stringMatching(/reliability$/));
    // Only Preflight's stored-data routes are read.
    expect([...new Set(requested)].sort()).toEqual([
      'deploy-gate',
      'scorecard',
      'slos',
      'summary',
    ]);
  });

  it('shows a gate that cannot judge as neither allowed nor blocked', async () => {
    serve({
      gate: gateResponse({
        reasons: [
          {
            sloId: 'ledger-availability',
            kind: 'stale-data',
            message: 'Ledger availability was last measured 42 minutes ago',
          },
        ],
      }),
    });
    const card = await renderCard();
    const gate = within(card).getByRole('group', { name: 'Deploy gate' });
    expect(
      await within(gate).findByText('Deploy gate cannot judge: deploys held'),
    ).toBeVisible();
    expect(gate).toHaveTextContent(
      'Ledger availability was last measured 42 minutes ago',
    );
    expect(gate).not.toHaveTextContent(/Deploys (allowed|blocked)/);
  });

  it('says when nobody holds level 1 now', async () => {
    const summary = checkoutApiSummary();
    summary.onCall.escalationPolicy!.levels[0].onCallNow = [];
    serve({ summary });
    const card = await renderCard();
    const onCall = within(card).getByRole('group', {
      name: 'On call now (level 1)',
    });
    expect(
      await within(onCall).findByText(/Nobody is on call at level 1/),
    ).toBeInTheDocument();
  });

  it('leaves out SLO and gate for an entity without SLOs, and does not ask for them', async () => {
    const requested = serve({});
    const card = await renderCard(componentEntity('checkout-api'));
    await within(card).findByText('Carol');
    await within(card).findByLabelText('Level: Bronze');
    expect(
      within(card).queryByRole('group', { name: 'Worst SLO' }),
    ).not.toBeInTheDocument();
    expect(
      within(card).queryByRole('group', { name: 'Deploy gate' }),
    ).not.toBeInTheDocument();
    expect(requested).not.toContain('slos');
    expect(requested).not.toContain('deploy-gate');
  });
});

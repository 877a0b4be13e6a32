import type { SourceHealth } from '@preflight/plugin-reliability-common';
import { FakeSloProvider } from '../../__testUtils__/FakeSloProvider';
import { SloProviderRegistry } from '../../slo/SloProviderRegistry';
import type { ReadinessFactSources } from './ReadinessFactSources';
import { readSloSourceHealth, sloSourceFreshness } from './sloFacts';

const registry = new SloProviderRegistry();
registry.add(new FakeSloProvider());
registry.start();

const westHealth: SourceHealth = {
  id: 'metrics:west',
  type: 'metrics',
  displayName: 'Metrics (west)',
  lastAttemptAt: '2026-11-22T11:00:00.000Z',
  lastSuccessAt: '2026-11-22T10:00:00.000Z',
  lastError: 'HTTP 503',
  errorSince: '2026-11-22T11:00:00.000Z',
  stale: true,
  ageSeconds: 7200,
  warnings: [],
};

describe('sloSourceFreshness', () => {
  it('is sorted and distinct, never-synced for registered sources without health, and leaves out unknown ones', () => {
    expect(
      sloSourceFreshness(
        ['metrics:west', 'metrics:gone', 'metrics:east', 'metrics:west'],
        new Map([['metrics:west', westHealth]]),
        registry,
      ),
    ).toEqual([
      { sourceId: 'metrics:east', asOf: null, stale: false },
      {
        sourceId: 'metrics:west',
        asOf: '2026-11-22T10:00:00.000Z',
        stale: true,
      },
    ]);
  });
});

describe('readSloSourceHealth', () => {
  it('reads the health of distinct sources in one query, and none for no source', async () => {
    const listSourceHealth = jest.fn(async () => []);
    const sources = {
      store: { listSourceHealth },
      sloStaleAfterMs: 60_000,
    } as unknown as ReadinessFactSources;
    const now = new Date('2026-11-22T12:00:00.000Z');

    expect(await readSloSourceHealth(sources, [], now)).toEqual(new Map());
    expect(listSourceHealth).not.toHaveBeenCalled();

    await readSloSourceHealth(
      sources,
      ['metrics:east', 'metrics:west', 'metrics:east'],
      now,
    );
    expect(listSourceHealth).toHaveBeenCalledTimes(1);
    expect(listSourceHealth).toHaveBeenCalledWith({
      sourceIds: ['metrics:east', 'metrics:west'],
    });
  });
});

import { ConfigReader } from '@backstage/config';
import { builtinScorecardChecks } from './engine';
import { type ScorecardCheck } from '@preflight/plugin-reliability-node';
import { readScorecardConfig } from './readScorecardConfig';

const custom: ScorecardCheck = {
  id: 'dependencies-declared',
  defaults: {
    title: 'Dependencies declared',
    category: 'metadata',
    description: 'spec.dependsOn is set.',
    fix: { text: 'Set spec.dependsOn.' },
    appliesTo: { kinds: ['component'] },
    params: { minDependencies: 1 },
  },
  evaluate: () => ({ state: 'pass', message: 'ok', facts: [] }),
};
const checks = [...builtinScorecardChecks, custom];

function read(scorecards: unknown) {
  return readScorecardConfig(
    new ConfigReader(
      scorecards === undefined ? {} : { reliability: { scorecards } },
    ),
    checks,
  );
}

describe('readScorecardConfig', () => {
  it('runs every registered check in the default levels with no configuration', () => {
    const config = read(undefined);
    expect(config.kinds).toEqual(['component', 'api', 'resource', 'system']);
    expect(config.retentionDays).toBe(400);
    expect(config.schedule).toMatchObject({ frequency: { minutes: 10 } });
    expect(config.rubric.levels.map(level => level.id)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    expect(config.rubric.checks.map(check => check.id)).toEqual(
      expect.arrayContaining(['owner-set', 'slo-met', 'dependencies-declared']),
    );
  });

  it('reads a rubric kept in its own file (as $include leaves it) with a tier override', () => {
    // The config loader replaces `$include` with the file's content before
    // the plugin reads it; two config layers behave the same.
    const root = ConfigReader.fromConfigs([
      {
        context: 'app-config.yaml',
        data: {
          reliability: { scorecards: { history: { retentionDays: 90 } } },
        },
      },
      {
        context: 'scorecards.yaml',
        data: {
          reliability: {
            scorecards: {
              kinds: ['Component'],
              schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
              checks: [
                { id: 'owner-set' },
                {
                  id: 'mttr-under-threshold',
                  params: { maxMttrMinutes: 240 },
                  tiers: { 'tier-1': { maxMttrMinutes: 60 } },
                },
                { id: 'dependencies-declared' },
              ],
              levels: [
                { id: 'bronze', title: 'Bronze', checks: ['owner-set'] },
                {
                  id: 'gold',
                  title: 'Gold',
                  checks: ['mttr-under-threshold', 'dependencies-declared'],
                },
              ],
            },
          },
        },
      },
    ]);
    const config = readScorecardConfig(root, checks);
    expect(config.kinds).toEqual(['component']);
    expect(config.retentionDays).toBe(90);
    expect(config.schedule).toMatchObject({
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
    });
    expect(config.rubric.levels.map(level => level.checks)).toEqual([
      ['owner-set'],
      ['mttr-under-threshold', 'dependencies-declared'],
    ]);
    const mttr = config.rubric.checks.find(
      c => c.id === 'mttr-under-threshold',
    );
    expect(mttr?.params.maxMttrMinutes).toBe(240);
    expect(mttr?.paramsByTier['tier-1']).toMatchObject({ maxMttrMinutes: 60 });
  });

  it('lists every problem with its config path in one error', () => {
    let message = '';
    try {
      read({
        kinds: [],
        history: { retentionDays: 0 },
        levels: [{ id: 'bronze', title: 'Bronze', checks: ['slo-foo'] }],
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'reliability.scorecards.kinds: list at least one kind',
    );
    expect(message).toContain(
      'reliability.scorecards.history.retentionDays: must be a whole number of days, at least 1',
    );
    expect(message).toMatch(/levels\[0\]\.checks\[0\].*slo-foo/);
  });

  it('rejects a schedule without a frequency', () => {
    expect(() => read({ schedule: { timeout: { minutes: 5 } } })).toThrow(
      /reliability\.scorecards\.schedule: /,
    );
  });
});

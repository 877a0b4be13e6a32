import { determineLevel, type LevelInput } from './determineLevel';
import type {
  CheckState,
  RubricLevel,
} from '@preflight/plugin-reliability-common';

const levels: RubricLevel[] = [
  { id: 'bronze', title: 'Bronze', checks: ['owner-set', 'tier-set'] },
  {
    id: 'silver',
    title: 'Silver',
    checks: ['slo-defined', 'techdocs-annotation'],
  },
  { id: 'gold', title: 'Gold', checks: ['slo-met'] },
];

const result = (
  checkId: string,
  state: CheckState,
  passing?: boolean,
): LevelInput => ({
  checkId,
  state,
  passing: passing ?? (state === 'pass' || state === 'warning'),
});

const allPassing = () =>
  levels.flatMap(level => level.checks).map(checkId => result(checkId, 'pass'));

function withState(checkId: string, state: CheckState, passing?: boolean) {
  return allPassing().map(item =>
    item.checkId === checkId ? result(checkId, state, passing) : item,
  );
}

describe('determineLevel', () => {
  it('reaches the top level when every check passes', () => {
    expect(determineLevel(levels, allPassing())).toEqual({
      level: { id: 'gold', title: 'Gold', index: 2 },
      nextLevel: null,
    });
  });

  it('stops below the first level with a failing check, naming the blockers', () => {
    expect(determineLevel(levels, withState('slo-met', 'fail'))).toEqual({
      level: { id: 'silver', title: 'Silver', index: 1 },
      nextLevel: {
        id: 'gold',
        title: 'Gold',
        index: 2,
        blockingCheckIds: ['slo-met'],
      },
    });
  });

  it('is cumulative: a failing bronze check keeps the entity at no level even when gold passes', () => {
    expect(determineLevel(levels, withState('tier-set', 'fail'))).toEqual({
      level: null,
      nextLevel: {
        id: 'bronze',
        title: 'Bronze',
        index: 0,
        blockingCheckIds: ['tier-set'],
      },
    });
  });

  it('lists every blocker of the next level in level order', () => {
    const results = allPassing().map(item =>
      item.checkId === 'slo-defined' || item.checkId === 'techdocs-annotation'
        ? result(item.checkId, 'fail')
        : item,
    );
    expect(determineLevel(levels, results).nextLevel?.blockingCheckIds).toEqual(
      ['slo-defined', 'techdocs-annotation'],
    );
  });

  it('blocks on an error', () => {
    expect(
      determineLevel(levels, withState('owner-set', 'error')).level,
    ).toBeNull();
  });

  it('lets a warning pass', () => {
    expect(
      determineLevel(levels, withState('slo-met', 'warning')).level?.id,
    ).toBe('gold');
  });

  it('lets an exempted failure pass', () => {
    expect(
      determineLevel(levels, withState('slo-met', 'fail', true)).level?.id,
    ).toBe('gold');
  });

  it('does not block on a not-applicable check', () => {
    expect(
      determineLevel(levels, withState('slo-defined', 'not-applicable', false))
        .level?.id,
    ).toBe('gold');
  });

  it('does not block on a check without a result', () => {
    const results = allPassing().filter(item => item.checkId !== 'tier-set');
    expect(determineLevel(levels, results).level?.id).toBe('gold');
  });

  it('has no level and no next level without levels', () => {
    expect(determineLevel([], allPassing())).toEqual({
      level: null,
      nextLevel: null,
    });
  });
});

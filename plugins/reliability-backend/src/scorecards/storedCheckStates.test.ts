import {
  checkStatesSignature,
  decodeCheckStates,
  encodeCheckStates,
  failingCheckIdsColumn,
  type CheckStateOfEntity,
} from './storedCheckStates';

const states: CheckStateOfEntity[] = [
  { checkId: 'owner-set', state: 'pass', passing: true, exempt: false },
  { checkId: 'runbook-linked', state: 'fail', passing: false, exempt: false },
  { checkId: 'slo-defined', state: 'fail', passing: true, exempt: true },
  { checkId: 'slo-met', state: 'error', passing: false, exempt: false },
  { checkId: 'alerts', state: 'not-applicable', passing: false, exempt: false },
  { checkId: 'docs', state: 'warning', passing: true, exempt: false },
];

describe('stored check states', () => {
  it('read back as they were written, in order', () => {
    expect(decodeCheckStates(encodeCheckStates(states))).toEqual(states);
    expect(decodeCheckStates(null)).toEqual([]);
    expect(decodeCheckStates('')).toEqual([]);
  });

  it('list the failing and erroring checks that are not exempt for the check filter', () => {
    expect(failingCheckIdsColumn(states)).toBe('|runbook-linked|slo-met|');
    expect(failingCheckIdsColumn(states.slice(0, 1))).toBe('');
  });

  it('sign a set of states whatever their order, and change with any state', () => {
    const signature = checkStatesSignature(states);
    expect(checkStatesSignature([...states].reverse())).toBe(signature);
    expect(
      checkStatesSignature(
        states.map((s, i) => (i === 0 ? { ...s, state: 'warning' } : s)),
      ),
    ).not.toBe(signature);
    expect(
      checkStatesSignature(
        states.map((s, i) => (i === 2 ? { ...s, exempt: false } : s)),
      ),
    ).not.toBe(signature);
  });
});

import { computedOncePer } from './computedOncePer';

describe('computedOncePer', () => {
  it('computes once per key object and gives the same value back', () => {
    const compute = jest.fn((list: string[]) => new Set(list));
    const setOf = computedOncePer(compute);
    const a = ['x'];
    const b = ['x'];
    expect(setOf(a)).toBe(setOf(a));
    expect(setOf(b)).not.toBe(setOf(a));
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers values that are falsy', () => {
    const compute = jest.fn((_key: object) => undefined);
    const valueOf = computedOncePer(compute);
    const key = {};
    valueOf(key);
    valueOf(key);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});

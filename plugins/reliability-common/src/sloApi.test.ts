import { decideDeployGate, isDeployAllowed } from './sloApi';

describe('decideDeployGate', () => {
  it('blocks when anything blocks, even beside reasons it cannot judge', () => {
    expect(
      decideDeployGate([
        { kind: 'slo-not-measured' },
        { kind: 'review-missing' },
      ]),
    ).toBe('block');
  });

  it('is unknown when only cannot-judge reasons remain, allow when none', () => {
    expect(
      decideDeployGate([{ kind: 'stale-data' }, { kind: 'slo-invalid' }]),
    ).toBe('unknown');
    expect(decideDeployGate([])).toBe('allow');
  });
});

describe('isDeployAllowed', () => {
  it('lets unknown through only under onUnknown: allow, and never a block', () => {
    expect(isDeployAllowed('allow', 'block')).toBe(true);
    expect(isDeployAllowed('unknown', 'block')).toBe(false);
    expect(isDeployAllowed('unknown', 'allow')).toBe(true);
    expect(isDeployAllowed('block', 'allow')).toBe(false);
  });
});

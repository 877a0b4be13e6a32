import { equalJitterBackoffMs } from './equalJitterBackoff';
import { sleep } from './sleep';

describe('equalJitterBackoffMs', () => {
  it('doubles per retry, stays within [step/2, step] and respects the cap', () => {
    const at = (retry: number, random: number) =>
      equalJitterBackoffMs({
        retry,
        baseDelayMs: 500,
        maxDelayMs: 3000,
        random: () => random,
      });
    expect([at(1, 0), at(1, 0.999)]).toEqual([250, 500]);
    expect([at(2, 0), at(3, 0)]).toEqual([500, 1000]);
    // 500 * 2^4 = 8000 is capped at 3000
    expect([at(5, 0), at(5, 0.999)]).toEqual([1500, 2999]);
  });
});

describe('sleep', () => {
  it('rejects with the abort reason when the signal aborts first', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('backend stopping'));
    await expect(waiting).rejects.toThrow('backend stopping');
  });

  it('resolves after the delay', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});

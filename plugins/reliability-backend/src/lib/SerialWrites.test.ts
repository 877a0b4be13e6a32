import { SerialWrites } from './SerialWrites';

/** A write that finishes when told to, recording when it ran. */
function controlledWrite(log: string[], name: string) {
  let finish!: (error?: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = error => (error ? reject(error) : resolve());
  });
  return {
    write: async () => {
      log.push(`${name} started`);
      await done;
      log.push(`${name} done`);
    },
    finish,
  };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('SerialWrites', () => {
  it('runs writes one at a time, in the order started, in the background', async () => {
    const log: string[] = [];
    const writes = new SerialWrites();
    const first = controlledWrite(log, 'first');
    const second = controlledWrite(log, 'second');
    writes.start(first.write);
    writes.start(second.write);
    await tick();
    // The caller goes on while the first write runs; the second waits.
    expect(log).toEqual(['first started']);
    first.finish();
    await tick();
    expect(log).toEqual(['first started', 'first done', 'second started']);
    let settled = false;
    const waiting = writes.settled().then(() => {
      settled = true;
    });
    await tick();
    expect(settled).toBe(false);
    second.finish();
    await waiting;
    expect(log).toEqual([
      'first started',
      'first done',
      'second started',
      'second done',
    ]);
  });

  it('throws the first failure when settled and skips the writes after it', async () => {
    const log: string[] = [];
    const writes = new SerialWrites();
    const first = controlledWrite(log, 'first');
    const second = controlledWrite(log, 'second');
    writes.start(first.write);
    writes.start(second.write);
    first.finish(new Error('disk full'));
    await expect(writes.settled()).rejects.toThrow('disk full');
    expect(log).toEqual(['first started']);
    // Still the same failure later; idle waits without throwing.
    await expect(writes.settled()).rejects.toThrow('disk full');
    await expect(writes.idle()).resolves.toBeUndefined();
  });

  it('settles at once when nothing was started', async () => {
    await expect(new SerialWrites().settled()).resolves.toBeUndefined();
  });
});

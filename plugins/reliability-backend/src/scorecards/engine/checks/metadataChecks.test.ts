import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import {
  lifecycleSetCheck,
  systemSetCheck,
  tierSetCheck,
} from './metadataChecks';

describe('tier-set', () => {
  it('passes naming the tier', async () => {
    const result = await runCheck(tierSetCheck, buildReadinessFacts());
    expect(result).toEqual({
      state: 'pass',
      message: 'Tier is tier-1',
      facts: [{ label: 'Tier', value: 'tier-1', sourceId: 'catalog' }],
    });
  });

  it.each([
    ['absent', undefined],
    ['blank', '  '],
  ])('fails when the annotation is %s', async (_case, value) => {
    const result = await runCheck(
      tierSetCheck,
      buildReadinessFacts({
        tier: undefined,
        entity: { metadata: { annotations: { 'preflight.dev/tier': value } } },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('the preflight.dev/tier annotation is not set');
    expect(result.facts).toEqual([
      { label: 'Tier', value: null, sourceId: 'catalog' },
    ]);
  });

  it('stores only the start of a 100 kB tier', async () => {
    const result = await runCheck(
      tierSetCheck,
      buildReadinessFacts({
        entity: {
          metadata: {
            annotations: { 'preflight.dev/tier': 't'.repeat(100_000) },
          },
        },
      }),
    );
    expect(result.state).toBe('pass');
    expect(JSON.stringify(result).length).toBeLessThan(1000);
    expect(result.message).toContain('(100000 characters)');
  });
});

describe('lifecycle-set', () => {
  it('passes naming the lifecycle', async () => {
    const result = await runCheck(lifecycleSetCheck, buildReadinessFacts());
    expect(result.state).toBe('pass');
    expect(result.message).toBe('Lifecycle is production');
  });

  it('fails without spec.lifecycle', async () => {
    const result = await runCheck(
      lifecycleSetCheck,
      buildReadinessFacts({ entity: { spec: { lifecycle: undefined } } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('spec.lifecycle is not set');
  });
});

describe('system-set', () => {
  it('passes naming the system', async () => {
    const result = await runCheck(systemSetCheck, buildReadinessFacts());
    expect(result.state).toBe('pass');
    expect(result.facts).toEqual([
      { label: 'System', value: 'payments', sourceId: 'catalog' },
    ]);
  });

  it('fails without spec.system', async () => {
    const result = await runCheck(
      systemSetCheck,
      buildReadinessFacts({ entity: { spec: { system: '' } } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('spec.system is not set');
  });

  it('does not apply to systems themselves', () => {
    expect(systemSetCheck.defaults.appliesTo?.kinds).toEqual([
      'component',
      'api',
      'resource',
    ]);
  });
});

describe('lifecycle-set applicability', () => {
  it('applies to components and APIs only, which have spec.lifecycle', () => {
    expect(lifecycleSetCheck.defaults.appliesTo?.kinds).toEqual([
      'component',
      'api',
    ]);
  });
});

import { catalogOnlyFacts as facts } from './__testUtils__/catalogOnlyFacts';
import { dependenciesDeclaredCheck } from './dependenciesDeclaredCheck';

const now = new Date('2026-11-22T12:00:00Z');

describe('dependenciesDeclaredCheck', () => {
  it('passes with enough distinct dependencies and fails below the minimum', async () => {
    const deps = [
      'resource:orders-db',
      'component:payments',
      'resource:orders-db',
    ];
    expect(
      await dependenciesDeclaredCheck.evaluate({
        facts: facts({ dependsOn: deps }),
        params: { minDependencies: 2 },
        now,
      }),
    ).toMatchObject({
      state: 'pass',
      message: '2 dependencies declared (at least 2 required).',
    });
    expect(
      await dependenciesDeclaredCheck.evaluate({
        facts: facts({ dependsOn: deps }),
        params: { minDependencies: 3 },
        now,
      }),
    ).toMatchObject({
      state: 'fail',
      message:
        'Only 2 dependencies declared in spec.dependsOn (at least 3 required).',
    });
    expect(
      await dependenciesDeclaredCheck.evaluate({
        facts: facts({ dependsOn: 'not-a-list' }),
        params: { minDependencies: 1 },
        now,
      }),
    ).toMatchObject({ state: 'fail' });
  });
});

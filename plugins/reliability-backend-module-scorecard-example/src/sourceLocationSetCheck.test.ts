import { catalogOnlyFacts as facts } from './__testUtils__/catalogOnlyFacts';
import { sourceLocationSetCheck } from './sourceLocationSetCheck';

const now = new Date('2026-11-22T12:00:00Z');

describe('sourceLocationSetCheck', () => {
  it('reads the backstage.io/source-location annotation', async () => {
    expect(
      await sourceLocationSetCheck.evaluate({
        facts: facts(
          {},
          {
            'backstage.io/source-location':
              'url:https://github.com/acme/checkout/',
          },
        ),
        params: {},
        now,
      }),
    ).toMatchObject({
      state: 'pass',
      facts: [
        {
          label: 'backstage.io/source-location',
          value: 'url:https://github.com/acme/checkout/',
          sourceId: 'catalog',
        },
      ],
    });
    expect(
      await sourceLocationSetCheck.evaluate({
        facts: facts({}, { 'backstage.io/source-location': '  ' }),
        params: {},
        now,
      }),
    ).toMatchObject({ state: 'fail' });
  });
});

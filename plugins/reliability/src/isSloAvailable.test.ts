import { isSloAvailable } from './isSloAvailable';
import { componentEntity } from './__testUtils__/summaryFixtures';

describe('isSloAvailable', () => {
  it('is true only for entities that point at OpenSLO files', () => {
    expect(
      isSloAvailable(
        componentEntity('checkout-api', {
          'preflight.dev/openslo': './slos/checkout-api.yaml',
        }),
      ),
    ).toBe(true);
    expect(isSloAvailable(componentEntity('checkout-api'))).toBe(false);
    expect(
      isSloAvailable(
        componentEntity('checkout-api', { 'preflight.dev/openslo': '  ' }),
      ),
    ).toBe(false);
  });
});

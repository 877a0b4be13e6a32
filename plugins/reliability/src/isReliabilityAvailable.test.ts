import { isReliabilityAvailable } from './isReliabilityAvailable';
import { componentEntity } from './__testUtils__/summaryFixtures';

describe('isReliabilityAvailable', () => {
  it('is true with a PagerDuty annotation, even a malformed one', () => {
    expect(
      isReliabilityAvailable(
        componentEntity('a', { 'pagerduty.com/service-id': 'PCHKOUT' }),
      ),
    ).toBe(true);
    expect(
      isReliabilityAvailable(
        componentEntity('b', {
          'pagerduty.com/service-id':
            'https://acme.pagerduty.com/service-directory/PMETRIC',
        }),
      ),
    ).toBe(true);
  });

  it('is true with a runbook link and false with neither', () => {
    expect(
      isReliabilityAvailable(
        componentEntity('c', {}, [
          { url: 'https://wiki.example.com/rb', type: 'runbook' },
        ]),
      ),
    ).toBe(true);
    expect(
      isReliabilityAvailable(
        componentEntity('d', {}, [
          { url: 'https://grafana.example.com', type: 'dashboard' },
        ]),
      ),
    ).toBe(false);
  });

  it('is true for an entity that only declares SLOs', () => {
    expect(
      isReliabilityAvailable(
        componentEntity('e', { 'preflight.dev/openslo': './slos/e.yaml' }),
      ),
    ).toBe(true);
  });
});

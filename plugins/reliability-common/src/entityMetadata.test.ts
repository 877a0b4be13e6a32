import type { Entity } from '@backstage/catalog-model';
import {
  readPagerDutyLocation,
  readPrometheusInstanceAnnotation,
  readRunbooks,
} from './entityMetadata';

function entity(
  annotations: Record<string, string>,
  links: Entity['metadata']['links'] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      namespace: 'default',
      annotations,
      links,
    },
  };
}

const HUGE = 'P'.repeat(100_000);

describe('entity metadata echoes at most the start of a user value', () => {
  it('a 100 kB pagerduty.com/service-id', () => {
    const result = readPagerDutyLocation(
      entity({ 'pagerduty.com/service-id': HUGE }),
    );
    expect(result.kind).toBe('problem');
    const problem = result.kind === 'problem' ? result.problem : undefined;
    expect(problem?.field).toBe(
      'metadata.annotations["pagerduty.com/service-id"]',
    );
    expect(problem?.message).toContain('(100000 characters)');
    expect(JSON.stringify(problem).length).toBeLessThan(600);
  });

  it('a pasted URL with a long tail still names the id to use', () => {
    const result = readPagerDutyLocation(
      entity({
        'pagerduty.com/service-id': `https://acme.pagerduty.com/service-directory/PX1ABCD?${'q'.repeat(
          1000,
        )}`,
      }),
    );
    expect(result.kind === 'problem' && result.problem.message).toMatch(
      /characters\)" is a URL, not a service id; the id is "PX1ABCD"$/,
    );
  });

  it('a 100 kB pagerduty.com/account', () => {
    const result = readPagerDutyLocation(
      entity({
        'pagerduty.com/service-id': 'PX1ABCD',
        'pagerduty.com/account': 'a'.repeat(100_000),
      }),
    );
    expect(
      result.kind === 'problem' && result.problem.message.length,
    ).toBeLessThan(300);
  });

  it('a 100 kB runbook link', () => {
    const { problems } = readRunbooks(
      entity({}, [{ url: `ftp://${'x'.repeat(100_000)}`, type: 'runbook' }]),
    );
    expect(problems[0].message.length).toBeLessThan(300);
  });

  it('a 100 kB preflight.dev/prometheus-instance', () => {
    const result = readPrometheusInstanceAnnotation(
      entity({ 'preflight.dev/prometheus-instance': `https://${HUGE}` }),
    );
    expect(result).toEqual({
      kind: 'problem',
      problem: expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        field: 'metadata.annotations["preflight.dev/prometheus-instance"]',
        message: expect.stringContaining(
          '(100008 characters)" is not a Prometheus instance name (instances are named in app-config, never given as URLs)',
        ),
      }),
    });
    expect(
      result.kind === 'problem' && result.problem.message.length,
    ).toBeLessThan(300);
  });

  it('reads a valid prometheus instance name, trimmed', () => {
    expect(
      readPrometheusInstanceAnnotation(
        entity({ 'preflight.dev/prometheus-instance': ' main ' }),
      ),
    ).toEqual({ kind: 'ok', value: 'main' });
    expect(readPrometheusInstanceAnnotation(entity({}))).toEqual({
      kind: 'absent',
    });
  });
});

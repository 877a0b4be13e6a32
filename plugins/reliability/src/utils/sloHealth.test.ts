import {
  awaitingSyncSlo,
  burningSlo,
  exhaustedSlo,
  healthySlo,
  noTrafficSlo,
  prometheusSource,
  stoppedBurningSlo,
} from '../__testUtils__/sloFixtures';
import { sloHealth, worstSlo } from './sloHealth';

describe('sloHealth', () => {
  it('never calls an SLO with an exhausted budget healthy, even without a firing alert', () => {
    const slo = exhaustedSlo();
    // The fixture spends the budget at a steady rate: no alert fires.
    expect(slo.evaluation?.alerts.state).not.toBe('page');
    const health = sloHealth(slo);
    expect(health.label).toBe('Budget exhausted');
    expect(health.severity).toBe('error');
    expect(health.reasons.join(' ')).toMatch(/blocks deploys/);
  });

  it('says "within budget" only with budget left, no alert and fresh figures', () => {
    expect(sloHealth(healthySlo())).toMatchObject({
      label: 'Within budget',
      severity: 'success',
      stale: false,
    });
  });

  it('names a firing page alert, a ticket alert and stopped metrics', () => {
    expect(sloHealth(burningSlo()).label).toBe('Page: burning fast');
    expect(sloHealth(stoppedBurningSlo())).toMatchObject({
      label: 'Unknown: metrics stopped',
      severity: 'warning',
    });
  });

  it('marks figures from an older measurement or a stale source as stale, not healthy', () => {
    const afterFailure = healthySlo({
      state: 'error',
      errors: ['Prometheus timed out'],
    });
    expect(sloHealth(afterFailure)).toMatchObject({
      label: 'Stale figures',
      severity: 'warning',
      stale: true,
    });
    expect(
      sloHealth(healthySlo(), [prometheusSource({ stale: true })]).label,
    ).toBe('Stale figures');
  });

  it('says why an SLO cannot be judged', () => {
    expect(sloHealth(awaitingSyncSlo()).label).toBe('Awaiting sync');
    expect(sloHealth(noTrafficSlo()).label).toBe('No data');
    expect(
      sloHealth(awaitingSyncSlo({ state: 'error', sourceId: undefined })).label,
    ).toBe('Cannot be measured');
  });
});

describe('worstSlo', () => {
  it('picks the SLO in the worst state, then the one with the least budget left', () => {
    const worst = worstSlo([healthySlo(), exhaustedSlo(), noTrafficSlo()]);
    expect(worst?.slo.displayName).toBe('Ledger availability');
    expect(worst?.health.label).toBe('Budget exhausted');
    expect(worstSlo([])).toBeUndefined();
  });
});

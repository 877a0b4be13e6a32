import { formatBurnRate } from './formatBurnRate';
import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it('prints SLO figures with the precision they need', () => {
    expect(formatPercent(0.9995)).toBe('99.95%');
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(-2, 1)).toBe('-200%');
    expect(formatPercent(0.12345, 1)).toBe('12.3%');
  });

  it('never rounds a value under 100% up to 100%', () => {
    expect(formatPercent(0.99999)).toBe('99.999%');
    expect(formatPercent(0.999996)).toBe('99.9996%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('says "no data" instead of NaN or Infinity', () => {
    expect(formatPercent(null)).toBe('no data');
    expect(formatPercent(undefined)).toBe('no data');
    expect(formatPercent(Number.NaN)).toBe('no data');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('no data');
    expect(formatPercent(-0.000001, 1)).toBe('0%');
  });
});

describe('formatBurnRate', () => {
  it('prints two decimals below 10 and one above', () => {
    expect(formatBurnRate(0.5)).toBe('0.50×');
    expect(formatBurnRate(1)).toBe('1.00×');
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(123.456)).toBe('123.5×');
    expect(formatBurnRate(0)).toBe('0.00×');
  });

  it('says "no data" instead of NaN or Infinity', () => {
    expect(formatBurnRate(null)).toBe('no data');
    expect(formatBurnRate(Number.NaN)).toBe('no data');
    expect(formatBurnRate(Number.NEGATIVE_INFINITY)).toBe('no data');
  });
});

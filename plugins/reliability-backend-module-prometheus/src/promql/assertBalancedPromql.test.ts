import { assertBalancedPromql } from './assertBalancedPromql';

describe('assertBalancedPromql', () => {
  it.each([
    'sum(rate(x{a="(", b=")"}[$window]))',
    'sum(rate(x[$window])) # closing ) in a comment',
    'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
  ])('accepts %j', query => {
    expect(() => assertBalancedPromql(query)).not.toThrow();
  });

  it.each([
    ['sum(rate(x[$window]))) or vector(1', /unbalanced "\)"/],
    ['sum(rate(x[$window]', /never closed/],
    ['sum(rate(x{a="b"]))', /unbalanced "\]"/],
    ['x{a="unterminated)}', /unterminated/],
  ])('refuses %j', (query, message) => {
    expect(() => assertBalancedPromql(query)).toThrow(message);
  });
});

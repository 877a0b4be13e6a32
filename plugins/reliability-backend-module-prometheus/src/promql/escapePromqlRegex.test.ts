import { escapePromqlRegex, promqlAlternation } from './escapePromqlRegex';

function fullMatch(pattern: string, value: string): boolean {
  // PromQL anchors =~ at both ends; RE2 and JS agree on these escapes.
  return new RegExp(`^(?:${pattern})$`).test(value);
}

describe('escapePromqlRegex', () => {
  it('makes every metacharacter literal', () => {
    const value = 'a.b+c*d?e(f)g|h[i]j{k}l^m$n\\o';
    const escaped = escapePromqlRegex(value);
    expect(fullMatch(escaped, value)).toBe(true);
    expect(fullMatch(escaped, value.replace('.', 'X'))).toBe(false);
  });

  it('builds a sorted alternation that matches exactly the given values', () => {
    const pattern = promqlAlternation([
      'search-api',
      'payments.v2',
      'search-api',
      'a',
    ]);
    expect(pattern).toBe('a|payments\\.v2|search-api');
    expect(fullMatch(pattern, 'payments.v2')).toBe(true);
    expect(fullMatch(pattern, 'paymentsXv2')).toBe(false);
    expect(fullMatch(pattern, 'search-api-canary')).toBe(false);
  });
});

import { boundUserValue } from './boundUserValue';

describe('boundUserValue', () => {
  it('returns short values unchanged', () => {
    expect(boundUserValue('PX1ABCD')).toBe('PX1ABCD');
    expect(boundUserValue('x'.repeat(120))).toBe('x'.repeat(120));
  });

  it('keeps the first 120 characters of a long value and says how long it was', () => {
    const bounded = boundUserValue(`${'a'.repeat(120)}${'b'.repeat(99_880)}`);
    expect(bounded).toBe(`${'a'.repeat(120)}… (100000 characters)`);
  });

  it('takes another bound', () => {
    expect(boundUserValue('abcdef', 3)).toBe('abc… (6 characters)');
  });

  it('does not split a character made of two UTF-16 units', () => {
    const bounded = boundUserValue(`ab😀cd`, 3);
    expect(bounded).toBe('ab… (6 characters)');
    expect(bounded).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

import { parseSampleValue } from './parseSampleValue';

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['0.25', 0.25],
    ['-3', -3],
    ['1e+21', 1e21],
    ['NaN', null],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
  ])('reads %j as %p', (text, expected) => {
    expect(parseSampleValue(text)).toBe(expected);
  });

  it.each([[''], [' 1'], ['abc'], [1], [null]])('refuses %j', value => {
    expect(parseSampleValue(value)).toBeUndefined();
  });
});

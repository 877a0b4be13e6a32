import { parseVectorSelector } from './parseVectorSelector';
import { PromqlSyntaxError } from './PromqlSyntaxError';

describe('parseVectorSelector', () => {
  it('reads the selectors OpenSLO files use', () => {
    expect(
      parseVectorSelector(
        'http_requests_total{service="checkout-api",code=~"5.."}',
      ),
    ).toEqual({
      metric: 'http_requests_total',
      matchers: [
        { name: 'service', op: '=', value: 'checkout-api' },
        { name: 'code', op: '=~', value: '5..' },
      ],
    });
    expect(parseVectorSelector(' up ')).toEqual({ metric: 'up', matchers: [] });
    expect(
      parseVectorSelector(`{ __name__ = "x", a != 'b\\'c', d !~ \`e\\f\`, }`),
    ).toEqual({
      matchers: [
        { name: '__name__', op: '=', value: 'x' },
        { name: 'a', op: '!=', value: "b'c" },
        { name: 'd', op: '!~', value: 'e\\f' },
      ],
    });
  });

  it('decodes Go escapes', () => {
    expect(
      parseVectorSelector('x{a="\\u00e9\\x41\\101\\n"}').matchers[0].value,
    ).toBe('éAA\n');
  });

  it.each([
    'sum(x)',
    'x[5m]',
    'x offset 5m',
    'x{a="b"} or vector(1)',
    'x{a="unterminated}',
    'x{a="raw\nnewline"}',
    'x{a="\\q"}',
    'x{a=b}',
    '{}',
    '',
  ])('refuses %j', query => {
    expect(() => parseVectorSelector(query)).toThrow(PromqlSyntaxError);
  });
});

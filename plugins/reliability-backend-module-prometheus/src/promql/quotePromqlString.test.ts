import { parseVectorSelector } from './parseVectorSelector';
import { quotePromqlString } from './quotePromqlString';
import { renderVectorSelector } from './renderVectorSelector';
import { unquotePromqlString } from './unquotePromqlString';
import { HOSTILE_LABEL_VALUES as HOSTILE_VALUES } from '../__testUtils__/hostileLabelValues';

describe('quotePromqlString', () => {
  it('escapes backslash, quote and line breaks', () => {
    expect(quotePromqlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  it.each(HOSTILE_VALUES)(
    'round-trips %j through the PromQL unquoting rules',
    value => {
      const quoted = quotePromqlString(value);
      expect(quoted).not.toMatch(/[\n\r]/);
      expect(unquotePromqlString(quoted, 0)).toEqual({
        value,
        end: quoted.length,
      });
    },
  );

  it.each(HOSTILE_VALUES)(
    'keeps %j inside one matcher of a rendered selector',
    value => {
      const selector = {
        metric: 'http_requests_total',
        matchers: [
          { name: 'service', op: '=' as const, value },
          { name: 'code', op: '=~' as const, value: '5..' },
        ],
      };
      expect(parseVectorSelector(renderVectorSelector(selector))).toEqual(
        selector,
      );
    },
  );
});

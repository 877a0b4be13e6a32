import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describeSchemaError } from './describeSchemaError';

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

/** Every refusal of `value` by `schema`, worded for a request body. */
function refusals(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(value)) {
    return [];
  }
  return (validate.errors ?? []).map(e => describeSchemaError('body', e));
}

describe('describeSchemaError', () => {
  const answer = {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'value'],
    properties: {
      version: { type: 'integer', minimum: 1 },
      value: { type: 'string', enum: ['yes', 'no'] },
      note: { type: 'string', minLength: 1, maxLength: 5 },
      code: { type: 'string', minLength: 3, pattern: '^[a-z]+$' },
      day: { type: 'string', format: 'date' },
      links: {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: { type: 'object', properties: { url: { type: 'string' } } },
      },
    },
  };

  it('words each rule as the routes word their own checks, naming the field', () => {
    expect(
      refusals(answer, {
        version: 0.5,
        value: 'maybe',
        note: 'far too long',
        code: 'AB',
        day: '2026-02-30',
        links: [{ url: 1 }, {}, {}],
      }),
    ).toEqual([
      'version: must be a whole number',
      'version: must be at least 1',
      'value: must be one of yes, no',
      'note: must be at most 5 characters',
      'code: must be at least 3 characters',
      'code: must match ^[a-z]+$',
      'day: must be a calendar date YYYY-MM-DD',
      'links: must have at most 2 items',
      'links[0].url: must be text',
    ]);
    expect(refusals(answer, { note: '', links: [] })).toEqual([
      'version: is required',
      'value: is required',
      'note: must not be empty',
      'links: must not be empty',
    ]);
  });

  it('names the whole body when the body itself is wrong', () => {
    expect(refusals(answer, [])).toEqual(['body: must be an object']);
    expect(refusals({ type: ['string', 'null'] }, 1)).toEqual([
      'body: must be text or null',
    ]);
  });

  it('names a field the request made up, bounded, and never quotes a value', () => {
    const long = 'x'.repeat(5000);
    const [extra] = refusals(answer, {
      version: 1,
      value: 'yes',
      [long]: 'secret',
    });
    expect(extra).toMatch(
      /^x+… \(5000 characters\): is not a field of this request$/,
    );
    expect(extra.length).toBeLessThan(120);
    expect(
      refusals(answer, { version: 1, value: 'secret-value' }).join(),
    ).not.toContain('secret-value');
  });
});

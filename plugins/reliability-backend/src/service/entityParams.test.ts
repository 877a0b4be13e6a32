import { InputError } from '@backstage/errors';
import { parseEntityParams, parseGroupParams } from './entityParams';

function errorOf(parse: () => unknown): Error {
  try {
    parse();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the parameters to be rejected');
}

describe('parseEntityParams', () => {
  it.each([
    ['component', 'default', 'checkout-api'],
    ['Component', 'default', 'Checkout_API.v2'],
    ['API', 'team-a--b', 'x'],
    ['component', 'default', 'x'.repeat(63)],
    ['k'.repeat(63), 'n'.repeat(63), '0'],
  ])('accepts what the catalog accepts: %s/%s/%s', (kind, namespace, name) => {
    expect(parseEntityParams({ kind, namespace, name })).toEqual({
      kind,
      namespace,
      name,
    });
  });

  it('accepts a namespace in any case, as the catalog matches references', () => {
    expect(
      parseEntityParams({
        kind: 'component',
        namespace: 'Default',
        name: 'checkout-api',
      }),
    ).toEqual({
      kind: 'component',
      namespace: 'Default',
      name: 'checkout-api',
    });
  });

  it('rejects a namespace the catalog cannot hold, naming the field', () => {
    const error = errorOf(() =>
      parseEntityParams({
        kind: 'component',
        namespace: 'team_a',
        name: 'checkout-api',
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Invalid entity reference: namespace: namespace must be letters, digits and "-", starting and ending with a letter or digit, got "team_a"',
    );
  });

  it.each([
    [
      'kind',
      { kind: 'comp_onent' },
      'kind must be letters and digits, starting with a letter, got "comp_onent"',
    ],
    ['kind', { kind: '1component' }, 'kind must be letters and digits'],
    [
      'namespace',
      { namespace: 'de.fault' },
      'namespace must be letters, digits',
    ],
    [
      'namespace',
      { namespace: '-default' },
      'namespace must be letters, digits',
    ],
    [
      'name',
      { name: '-leading-dash' },
      'name must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit, got "-leading-dash"',
    ],
    ['name', { name: 'trailing.' }, 'name must be letters'],
    ['name', { name: 'a b' }, 'name must be letters'],
    ['name', { name: '' }, 'name must not be empty'],
  ])('names the bad %s and says the rule', (field, bad, message) => {
    const error = errorOf(() =>
      parseEntityParams({
        kind: 'component',
        namespace: 'default',
        name: 'checkout-api',
        ...bad,
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      `Invalid entity reference: ${field}: ${message}`,
    );
  });

  it('echoes a long value bounded', () => {
    const error = errorOf(() =>
      parseEntityParams({
        kind: 'component',
        namespace: 'default',
        name: 'x'.repeat(10_000),
      }),
    );
    expect(error.message).toBe(
      `Invalid entity reference: name: name must be at most 63 characters, got "${'x'.repeat(
        64,
      )}… (10000 characters)"`,
    );
  });

  it('names every bad field', () => {
    const error = errorOf(() =>
      parseEntityParams({ kind: 'a-b', namespace: 'default', name: '.x' }),
    );
    expect(error.message).toMatch(
      /^Invalid entity reference: kind: .*; name: /,
    );
  });

  it('rejects parameters that are not text', () => {
    const error = errorOf(() =>
      parseEntityParams({ kind: 'component', namespace: 'default' }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^Invalid entity reference: name: /);
  });
});

describe('parseGroupParams', () => {
  it('accepts a group namespace and name the catalog accepts', () => {
    expect(
      parseGroupParams({ namespace: 'default', name: 'Team_Payments.EU' }),
    ).toEqual({ namespace: 'default', name: 'Team_Payments.EU' });
  });

  it('rejects with the same rules, naming the field', () => {
    expect(
      errorOf(() => parseGroupParams({ namespace: 'team_a', name: 'team-a' }))
        .message,
    ).toMatch(
      /^Invalid group reference: namespace: namespace must be letters, digits/,
    );
    expect(
      errorOf(() => parseGroupParams({ namespace: 'default', name: 'team-a-' }))
        .message,
    ).toMatch(/^Invalid group reference: name: name must be letters/);
  });
});

import { describeSpecViolation } from './describeSpecViolation';
import { parseEntityParams } from './entityParams';

const paramsRefused = { paramsRefused: true, fields: [] };

describe('describeSpecViolation', () => {
  it('words refused entity parameters as the catalog rules always did, every bad one named', () => {
    const params = {
      kind: 'comp_onent',
      namespace: 'default',
      name: 'x'.repeat(80),
    };
    const violation = describeSpecViolation(paramsRefused, params);
    expect(violation.fields).toEqual([]);
    expect(violation.params?.message).toBe(
      (() => {
        try {
          parseEntityParams(params);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error('expected the parameters to be refused');
      })(),
    );
    // Bounded: the 80 characters are not all echoed.
    expect(violation.params?.message).toContain(
      'Invalid entity reference: kind: kind must be letters and digits',
    );
    expect(violation.params?.message).not.toContain('x'.repeat(65));
  });

  it('names group and review references by what the route is about', () => {
    expect(
      describeSpecViolation(paramsRefused, {
        namespace: 'de.fault',
        name: 'team-a',
      }).params?.message,
    ).toMatch(/^Invalid group reference: namespace: namespace must be/);
    expect(
      describeSpecViolation(paramsRefused, { id: 'not-a-uuid' }).params
        ?.message,
    ).toBe('Invalid review reference: id: must be a review id (UUID)');
  });

  it('says the spec refused parameters the catalog rules accept', () => {
    expect(
      describeSpecViolation(paramsRefused, { id: 'x', sectionId: 'y' }).params
        ?.message,
    ).toMatch(/^Invalid review reference/);
    expect(
      describeSpecViolation(paramsRefused, {
        kind: 'component',
        namespace: 'default',
        name: 'fine',
      }).params?.message,
    ).toBe('Invalid request: kind, namespace, name not as documented');
  });

  it('passes the refused fields on, and no params error when the parameters were fine', () => {
    expect(
      describeSpecViolation(
        { paramsRefused: false, fields: ['limit: must be integer'] },
        { namespace: 'default', name: 'team-a' },
      ),
    ).toEqual({ params: undefined, fields: ['limit: must be integer'] });
  });
});

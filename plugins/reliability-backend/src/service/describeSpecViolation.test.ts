import { InputError } from '@backstage/errors';
import type { Request } from 'express';
import { describeSpecViolation } from './describeSpecViolation';
import { parseEntityParams } from './entityParams';

/** A request the validator matched to `operationId` with these path parameters. */
function matched(
  pathParams: Record<string, string>,
  operationId = 'getEntitySummary',
): Request {
  return { openapi: { schema: { operationId }, pathParams } } as never;
}

function refusal(...issues: string[]): InputError {
  return new InputError(issues.join(', '));
}

describe('describeSpecViolation', () => {
  it('words refused entity parameters as the catalog rules always did, every bad one named', () => {
    const params = {
      kind: 'comp_onent',
      namespace: 'default',
      name: 'x'.repeat(80),
    };
    const violation = describeSpecViolation(
      refusal(
        'request/params/kind must match pattern "^[a-zA-Z][a-zA-Z0-9]*$"',
        'request/params/name must NOT have more than 63 characters',
      ),
      matched(params),
    );
    expect(violation?.fields).toEqual([]);
    expect(violation?.params?.message).toBe(
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
    expect(violation?.params?.message).toContain(
      'Invalid entity reference: kind: kind must be letters and digits',
    );
    expect(violation?.params?.message).not.toContain('x'.repeat(65));
  });

  it('names group and review references by what the route is about', () => {
    expect(
      describeSpecViolation(
        refusal('request/params/namespace must match pattern "…"'),
        matched({ namespace: 'de.fault', name: 'team-a' }, 'getGroupOnCall'),
      )?.params?.message,
    ).toMatch(/^Invalid group reference: namespace: namespace must be/);
    expect(
      describeSpecViolation(
        refusal('request/params/id must match format "uuid"'),
        matched({ id: 'not-a-uuid' }, 'getReview'),
      )?.params?.message,
    ).toBe('Invalid review reference: id: must be a review id (UUID)');
  });

  it('names each refused body or query field as users write it', () => {
    const violation = describeSpecViolation(
      refusal(
        'request/body/changes/0 must NOT have additional properties',
        "request/body/changes/1 must have required property 'levelId'",
        'request/body/changes/2/op must be equal to one of the allowed values: add, remove',
        "request/body must have required property 'changes'",
        'request/query/limit must match pattern "^[0-9]*$"',
      ),
      matched({}, 'previewRubricChange'),
    );
    expect(violation).toEqual({
      params: undefined,
      fields: [
        'changes[0]: must NOT have additional properties',
        'changes[1].levelId: is required',
        'changes[2].op: must be equal to one of the allowed values: add, remove',
        'changes: is required',
        'limit: must match pattern "^[0-9]*$"',
      ],
    });
  });

  it('cuts a refusal that quotes the request, such as its content type', () => {
    const contentType = `text/${'x'.repeat(10_000)}`;
    const violation = describeSpecViolation(
      refusal(`unsupported media type ${contentType}`),
      matched({}, 'previewRubricChange'),
    );
    expect(violation?.fields).toHaveLength(1);
    expect(violation?.fields[0].length).toBeLessThan(260);
    expect(violation?.fields[0]).toContain('(10028 characters)');
  });

  it('leaves alone errors that are not the validator’s', () => {
    expect(
      describeSpecViolation(new InputError('boom'), {} as Request),
    ).toBeUndefined();
    expect(
      describeSpecViolation(new Error('request/body x'), matched({})),
    ).toBeUndefined();
  });
});

import { z } from 'zod/v3';
import { formatFieldPath, formatZodIssues } from './zodIssues';

describe('formatZodIssues', () => {
  const schema = z.object({
    changes: z.array(z.object({ checkId: z.string() })),
  });

  function issuesOf(value: unknown) {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      throw new Error('expected the value to be rejected');
    }
    return parsed.error.issues;
  }

  it('names each field as users read it, with indexes in brackets', () => {
    expect(
      formatZodIssues(issuesOf({ changes: [{}, { checkId: 1 }] })),
    ).toEqual([
      'changes[0].checkId: Required',
      'changes[1].checkId: Expected string, received number',
    ]);
  });

  it('puts a config root before the field, and names the whole value', () => {
    expect(
      formatZodIssues(issuesOf({ changes: [{}] }), { root: 'reliability.x' }),
    ).toEqual(['reliability.x.changes[0].checkId: Required']);
    expect(formatZodIssues(issuesOf('nope'), { whole: 'body' })).toEqual([
      'body: Expected object, received string',
    ]);
    expect(formatZodIssues(issuesOf('nope'))).toEqual([
      'Expected object, received string',
    ]);
  });

  it('formats a bare path the same way', () => {
    expect(formatFieldPath(['spec', 'objectives', 0, 'target'])).toBe(
      'spec.objectives[0].target',
    );
  });
});

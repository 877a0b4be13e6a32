import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import { techDocsAnnotationCheck } from './documentationChecks';

describe('techdocs-annotation', () => {
  it('passes naming the TechDocs ref', async () => {
    const result = await runCheck(
      techDocsAnnotationCheck,
      buildReadinessFacts(),
    );
    expect(result).toEqual({
      state: 'pass',
      message: 'TechDocs are built from dir:.',
      facts: [{ label: 'TechDocs ref', value: 'dir:.', sourceId: 'catalog' }],
    });
  });

  it('fails without the annotation', async () => {
    const result = await runCheck(
      techDocsAnnotationCheck,
      buildReadinessFacts({
        entity: {
          metadata: { annotations: { 'backstage.io/techdocs-ref': undefined } },
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'The backstage.io/techdocs-ref annotation is not set',
    );
    expect(result.facts).toEqual([
      { label: 'TechDocs ref', value: null, sourceId: 'catalog' },
    ]);
  });
});

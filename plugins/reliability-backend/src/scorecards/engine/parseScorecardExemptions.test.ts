import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SCORECARD_EXEMPTIONS,
  isExemptionActive,
  parseScorecardExemptions,
} from './parseScorecardExemptions';

const FIELD = 'metadata.annotations["preflight.dev/scorecard-exemptions"]';

function entityWith(annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'payments',
      annotations:
        annotation === undefined
          ? {}
          : { [ANNOTATION_SCORECARD_EXEMPTIONS]: annotation },
    },
    spec: { owner: 'team-payments' },
  };
}

describe('parseScorecardExemptions', () => {
  it('reads a list of exemptions, dates as written', () => {
    const result = parseScorecardExemptions(
      entityWith(
        [
          '- check: slo-defined',
          '  reason: SLOs are being defined this quarter',
          '  approver: user:default/dana',
          '  expires: 2027-01-31',
          "- check: 'techdocs-annotation'",
          '  reason: Docs move to the new portal',
          '  approver: group:default/platform',
          "  expires: '2026-12-15'",
        ].join('\n'),
      ),
    );
    expect(result).toEqual({
      exemptions: [
        {
          checkId: 'slo-defined',
          reason: 'SLOs are being defined this quarter',
          approver: 'user:default/dana',
          expires: '2027-01-31',
        },
        {
          checkId: 'techdocs-annotation',
          reason: 'Docs move to the new portal',
          approver: 'group:default/platform',
          expires: '2026-12-15',
        },
      ],
      problems: [],
    });
  });

  it('reads a YAML 1.1 date (parsed as a timestamp) as the date written', () => {
    const result = parseScorecardExemptions(
      entityWith(
        '%YAML 1.1\n---\n- check: slo-met\n  reason: r\n  approver: user:default/dana\n  expires: 2027-03-01',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.exemptions[0].expires).toBe('2027-03-01');
  });

  it('has nothing to say without the annotation', () => {
    expect(parseScorecardExemptions(entityWith())).toEqual({
      exemptions: [],
      problems: [],
    });
    expect(parseScorecardExemptions(entityWith('  '))).toEqual({
      exemptions: [],
      problems: [],
    });
  });

  it('leaves out entries missing a field, naming the entity, entry and field', () => {
    const result = parseScorecardExemptions(
      entityWith(
        [
          '- check: slo-defined',
          '  reason: ok',
          '  approver: user:default/dana',
          '  expires: 2027-01-31',
          '- check: slo-met',
          '  reason: ""',
          '  expires: 2027-01-31',
        ].join('\n'),
      ),
    );
    expect(result.exemptions.map(exemption => exemption.checkId)).toEqual([
      'slo-defined',
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:payments/checkout',
        field: `${FIELD}[1].reason`,
        message: 'is required',
      }),
      expect.objectContaining({
        entityRef: 'component:payments/checkout',
        field: `${FIELD}[1].approver`,
        message: 'is required',
      }),
    ]);
    expect(result.problems[0].fix).toContain('- check: slo-defined');
  });

  it('says which type a field has when it is not text', () => {
    const result = parseScorecardExemptions(
      entityWith(
        '- check: [slo-met]\n  reason: r\n  approver: true\n  expires: 2027-01-31',
      ),
    );
    expect(result.exemptions).toEqual([]);
    expect(
      result.problems.map(problem => [problem.field, problem.message]),
    ).toEqual([
      [`${FIELD}[0].check`, 'must be text, got ["slo-met"]'],
      [`${FIELD}[0].approver`, 'must be text, got true'],
    ]);
  });

  it.each(['2027-02-30', '2027-13-01', '31.01.2027', 'next year'])(
    'rejects the expiry date %s',
    expires => {
      const result = parseScorecardExemptions(
        entityWith(
          `- check: slo-met\n  reason: r\n  approver: a\n  expires: ${expires}`,
        ),
      );
      expect(result.exemptions).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          entityRef: 'component:payments/checkout',
          field: `${FIELD}[0].expires`,
          message: `"${expires}" is not a date; write it as YYYY-MM-DD`,
        }),
      ]);
    },
  );

  it('accepts 29 February in a leap year', () => {
    const result = parseScorecardExemptions(
      entityWith(
        '- check: slo-met\n  reason: r\n  approver: a\n  expires: 2028-02-29',
      ),
    );
    expect(result.problems).toEqual([]);
  });

  it('rejects a value that is not a list', () => {
    const result = parseScorecardExemptions(
      entityWith('check: slo-met\nreason: r\napprover: a\nexpires: 2027-01-31'),
    );
    expect(result.exemptions).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:payments/checkout',
        field: FIELD,
        message: 'must be a YAML list of exemptions',
      }),
    ]);
  });

  it('rejects list items that are not objects', () => {
    const result = parseScorecardExemptions(entityWith('- slo-met'));
    expect(result.problems).toEqual([
      expect.objectContaining({ field: `${FIELD}[0]` }),
    ]);
  });

  it('rejects invalid YAML without printing to the console', () => {
    const warn = jest.spyOn(console, 'warn');
    const result = parseScorecardExemptions(
      entityWith('- check: [slo-met\n  reason: r'),
    );
    expect(result.exemptions).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      entityRef: 'component:payments/checkout',
      field: FIELD,
    });
    expect(result.problems[0].message).toMatch(/^is not valid YAML: /);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('isExemptionActive', () => {
  const exemption = {
    checkId: 'slo-met',
    reason: 'r',
    approver: 'a',
    expires: '2027-01-31',
  };

  it.each([
    ['2027-01-30T12:00:00.000Z', true],
    ['2027-01-31T00:00:00.000Z', true],
    ['2027-01-31T23:59:59.999Z', true],
    ['2027-02-01T00:00:00.000Z', false],
  ])('at %s is %s (the expiry day is included, in UTC)', (now, active) => {
    expect(isExemptionActive(exemption, new Date(now))).toBe(active);
  });
});

import { ConfigReader } from '@backstage/config';
import { testRubric } from '../__testUtils__/scorecardFixtures';
import { rawReviewConfig } from '../__testUtils__/reviewFixtures';
import { readReviewConfig, resolveReviewConfig } from './readReviewConfig';

const read = (reviews: unknown) =>
  readReviewConfig(
    new ConfigReader({ reliability: { reviews } } as any),
    testRubric,
  );

describe('readReviewConfig', () => {
  it('resolves templates: check items take the rubric check title, durations become days', () => {
    const config = read(rawReviewConfig);
    expect(config.allowDriSignoff).toBe(false);
    expect(config.gate).toEqual({ stages: ['ga'], tiers: ['tier-1'] });
    const [template] = config.templates;
    expect(template.sections[0].items).toEqual([
      {
        id: 'escalation',
        kind: 'check',
        title: 'Escalation policy',
        description: 'Escalation policy.',
        checkId: 'escalation-policy-levels',
      },
      {
        id: 'escalation-tested',
        kind: 'attestation',
        title: 'Has the escalation policy been tested end to end?',
        evidence: 'required',
        reaffirmEveryDays: 90,
        stages: ['ga'],
        tiers: ['tier-1'],
      },
    ]);
    expect(template.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a stable version that changes with the template', () => {
    const a = read(rawReviewConfig).templates[0].version;
    expect(read(structuredClone(rawReviewConfig)).templates[0].version).toBe(a);
    const changed = structuredClone(rawReviewConfig);
    changed.templates[0].sections[1].items[1].question = 'Load test at 3x?';
    expect(read(changed).templates[0].version).not.toBe(a);
  });

  it('limits check items to stages and tiers like attestations, and reports an unknown stage', () => {
    const limited = structuredClone(rawReviewConfig) as any;
    limited.templates[0].sections[0].items[0].stages = ['ga'];
    limited.templates[0].sections[0].items[0].tiers = ['tier-1'];
    expect(read(limited).templates[0].sections[0].items[0]).toMatchObject({
      kind: 'check',
      checkId: 'escalation-policy-levels',
      stages: ['ga'],
      tiers: ['tier-1'],
    });
    limited.templates[0].sections[0].items[0].stages = ['launch'];
    expect(() => read(limited)).toThrow(
      'reliability.reviews.templates[0].sections[0].items[0].stages[0]: stage "launch" is not a stage of the template (beta, ga)',
    );
  });

  it('is empty without configuration', () => {
    expect(readReviewConfig(new ConfigReader({}), testRubric)).toEqual({
      templates: [],
      allowDriSignoff: false,
      notifications: true,
    });
  });

  it('turns notifications off when asked, and rejects a non-boolean', () => {
    expect(
      read({ ...rawReviewConfig, notifications: false }).notifications,
    ).toBe(false);
    expect(() => read({ ...rawReviewConfig, notifications: 'no' })).toThrow(
      'reliability.reviews.notifications: Expected boolean, received string',
    );
  });

  it('lists every problem with its path', () => {
    const bad = structuredClone(rawReviewConfig) as any;
    bad.templates[0].sections[0].items[0].check = 'slo-foo';
    bad.templates[0].sections[0].items[1].evidence = 'maybe';
    bad.templates[0].sections[1].items[1].id = 'escalation';
    bad.templates[0].sections[1].reviewerGroups = ['sre'];
    bad.gate.stages = ['launch'];
    const { problems } = resolveReviewConfig(bad, testRubric);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^reliability\.reviews\.templates\[0]\.sections\[0]\.items\[0]\.check: unknown check "slo-foo"; checks of the scorecard rubric: owner-set/,
        ),
        expect.stringMatching(
          /^reliability\.reviews\.templates\[0]\.sections\[0]\.items\[1]\.evidence: /,
        ),
        expect.stringMatching(
          /^reliability\.reviews\.templates\[0]\.sections\[1]\.reviewerGroups\[0]: must be a group entity ref/,
        ),
      ]),
    );
    expect(() => read(bad)).toThrow(
      /Invalid readiness review configuration:\n {2}- reliability\.reviews\.templates\[0]/,
    );
  });

  it('takes reviewer groups the catalog can hold, and only those', () => {
    const withGroups = (groups: string[]) => () => {
      const config = structuredClone(rawReviewConfig) as any;
      config.templates[0].sections[1].reviewerGroups = groups;
      return read(config);
    };
    expect(
      withGroups(['group:default/sre', 'group:Platform-Ops/team_a.b']),
    ).not.toThrow();
    // A trailing "-" or ".", a name over 63 characters, another kind, no
    // namespace, a namespace with a dot: refs no catalog entity can have.
    for (const ref of [
      'group:default/sre-',
      'group:default/sre.',
      `group:default/${'a'.repeat(64)}`,
      'user:default/dana',
      'group:sre',
      'group:ops.eu/sre',
    ]) {
      expect(withGroups([ref])).toThrow(
        /reliability\.reviews\.templates\[0]\.sections\[1]\.reviewerGroups\[0]: must be a group entity ref/,
      );
    }
  });

  it('reports duplicate ids, unknown item stages, bad durations and a gate stage no template has', () => {
    const bad = structuredClone(rawReviewConfig) as any;
    bad.templates[0].sections[1].items[1].id = 'escalation-tested';
    bad.templates[0].sections[0].items[1].stages = ['launch'];
    bad.templates[0].sections[0].items[1].reaffirmEvery = '3 months';
    const first = resolveReviewConfig(bad, testRubric).problems;
    expect(first).toEqual(
      expect.arrayContaining([
        'reliability.reviews.templates[0].sections[0].items[1].reaffirmEvery: must be days or weeks, e.g. 90d or 12w',
      ]),
    );
    delete bad.templates[0].sections[0].items[1].reaffirmEvery;
    bad.gate.stages = ['launch'];
    bad.templates.push(structuredClone(rawReviewConfig.templates[0]));
    const problems = resolveReviewConfig(bad, testRubric).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'reliability.reviews.templates[0].sections[0].items[1].stages[0]: stage "launch" is not a stage of the template (beta, ga)',
        'reliability.reviews.templates[0].sections[1].items[1].id: item "escalation-tested" is defined twice in the template',
        'reliability.reviews.gate.stages[0]: no template has stage "launch"',
      ]),
    );
  });
});

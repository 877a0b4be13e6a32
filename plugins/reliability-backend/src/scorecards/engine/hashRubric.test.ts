import { stableHash, stableJson } from './hashRubric';

/**
 * The text stableJson wrote before it was rewritten for speed. Stored
 * fingerprints and rubric versions were hashed from it, so the new writer
 * must give the same text for every value, or every entity would be
 * re-evaluated and every rubric get a new version after an upgrade.
 */
function previousStableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(previousStableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => {
        if (a === b) {
          return 0;
        }
        return a < b ? -1 : 1;
      });
    return `{${entries
      .map(
        ([key, item]) => `${JSON.stringify(key)}:${previousStableJson(item)}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A deterministic pseudo-random JSON-like value, odd cases included. */
function generate(seed: number, depth: number): unknown {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const leaf = (): unknown => {
    const pick = Math.floor(next() * 12);
    return [
      'plain',
      'quote " and \\ backslash',
      'ünïcödé ✓ 𝄞',
      '',
      0,
      -0,
      3.25,
      Number.NaN,
      null,
      true,
      false,
      undefined,
    ][pick];
  };
  const build = (level: number): unknown => {
    if (level >= depth || next() < 0.3) {
      return leaf();
    }
    if (next() < 0.5) {
      return Array.from({ length: Math.floor(next() * 4) }, () =>
        build(level + 1),
      );
    }
    const keys = ['b', 'a', 'B', 'é', 'z', '10', '2', 'a b', '"q"'];
    const record: Record<string, unknown> = {};
    for (const key of keys) {
      if (next() < 0.5) {
        record[key] = build(level + 1);
      }
    }
    return record;
  };
  return build(0);
}

describe('stableJson', () => {
  it('sorts keys by code unit and writes JSON', () => {
    expect(stableJson({ b: 1, a: [true, null, 'x'], B: { z: 1, y: 2 } })).toBe(
      '{"B":{"y":2,"z":1},"a":[true,null,"x"],"b":1}',
    );
    expect(stableJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"Z":3,"z":2,"é":1}',
    );
  });

  it('leaves out undefined members and writes undefined items as null', () => {
    expect(stableJson({ a: undefined, b: [undefined, 1] })).toBe(
      '{"b":[null,1]}',
    );
    expect(stableJson(undefined)).toBe('null');
    expect(stableJson({})).toBe('{}');
    expect(stableJson([])).toBe('[]');
  });

  it('escapes strings and keys as JSON does', () => {
    expect(stableJson({ 'a"b': 'line\nbreak "quoted"' })).toBe(
      '{"a\\"b":"line\\nbreak \\"quoted\\""}',
    );
  });

  it('writes the same text as before for many values', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const value = generate(seed, 5);
      expect(stableJson(value)).toBe(previousStableJson(value));
    }
    const odd = [1, , 2]; // eslint-disable-line no-sparse-arrays
    const values: unknown[] = [
      odd,
      new Date(0),
      { at: new Date(0), f: () => 1 },
      [-0, Number.POSITIVE_INFINITY, Number.NaN],
      'text',
      7,
      null,
    ];
    for (const value of values) {
      expect(stableJson(value)).toBe(previousStableJson(value));
    }
  });

  it('keeps hashes as they were', () => {
    // Computed with the previous writer: a changed writer would change
    // every stored rubric version.
    expect(
      stableHash({
        checks: ['a', 'b'],
        levels: { bronze: 1 },
        title: 'Ünïcode ✓',
      }),
    ).toBe('5da2e71b97b5fea2');
  });
});

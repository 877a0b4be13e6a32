import { withFigures } from './readsFigures';

const sqliteBlock = (figures: string) =>
  `<!-- bench:reads:sqlite:start -->\n${figures}\n<!-- bench:reads:sqlite:end -->`;
const postgresBlock = (figures: string) =>
  `<!-- bench:reads:postgres:start -->\n${figures}\n<!-- bench:reads:postgres:end -->`;

describe('withFigures', () => {
  it('keeps the other database’s figures when one database is measured', () => {
    const doc = `# Benchmarks\n\n${sqliteBlock(
      'sqlite old',
    )}\n\n${postgresBlock('postgres old')}\n\nAfter.\n`;
    const next = withFigures(doc, 'PostgreSQL', 'postgres new');
    expect(next).toBe(
      `# Benchmarks\n\n${sqliteBlock('sqlite old')}\n\n${postgresBlock(
        'postgres new',
      )}\n\nAfter.\n`,
    );
    expect(withFigures(next, 'SQLite (file)', 'sqlite new')).toBe(
      `# Benchmarks\n\n${sqliteBlock('sqlite new')}\n\n${postgresBlock(
        'postgres new',
      )}\n\nAfter.\n`,
    );
  });

  it('adds a missing database’s block after the other one', () => {
    const doc = `Intro.\n\n${sqliteBlock('sqlite')}\n\nAfter.\n`;
    expect(withFigures(doc, 'PostgreSQL', 'postgres')).toBe(
      `Intro.\n\n${sqliteBlock('sqlite')}\n\n${postgresBlock(
        'postgres',
      )}\n\nAfter.\n`,
    );
  });

  it('replaces the single block of earlier runs', () => {
    const doc =
      'Intro.\n\n<!-- bench:reads:start -->\nold $& figures\n<!-- bench:reads:end -->\n\nAfter.\n';
    expect(withFigures(doc, 'SQLite (file)', 'new $& figures')).toBe(
      `Intro.\n\n${sqliteBlock('new $& figures')}\n\nAfter.\n`,
    );
  });

  it('adds a section when the file has no block yet', () => {
    expect(withFigures('# Benchmarks\n', 'PostgreSQL', 'figures')).toBe(
      `# Benchmarks\n\n## Reads at fleet scale (\`npm run bench:reads\`)\n\n${postgresBlock(
        'figures',
      )}\n`,
    );
  });
});

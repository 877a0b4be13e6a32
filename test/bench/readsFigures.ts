/*
 * Where `npm run bench:reads` writes its figures in docs/benchmarks.md.
 */

/**
 * One block per database, so a PostgreSQL run leaves the SQLite figures in
 * place and the other way round.
 */
const markers = (database: string) => {
  const key = database.startsWith('PostgreSQL') ? 'postgres' : 'sqlite';
  return {
    start: `<!-- bench:reads:${key}:start -->`,
    end: `<!-- bench:reads:${key}:end -->`,
  };
};
// The single block of earlier versions of this script.
const LEGACY = /<!-- bench:reads:start -->[\s\S]*?<!-- bench:reads:end -->/;
const ANY_END = /<!-- bench:reads:(sqlite|postgres):end -->/g;

/** `text` with the block of `database` replaced, or added after the others. */
export function withFigures(
  text: string,
  database: string,
  section: string,
): string {
  const { start, end } = markers(database);
  const block = `${start}\n${section}\n${end}`;
  const startAt = text.indexOf(start);
  const endAt = text.indexOf(end);
  if (startAt >= 0 && endAt > startAt) {
    return text.slice(0, startAt) + block + text.slice(endAt + end.length);
  }
  if (LEGACY.test(text)) {
    return text.replace(LEGACY, () => block);
  }
  const ends = [...text.matchAll(ANY_END)];
  if (ends.length > 0) {
    const last = ends[ends.length - 1];
    const at = last.index! + last[0].length;
    return `${text.slice(0, at)}\n\n${block}${text.slice(at)}`;
  }
  return `${text.trimEnd()}\n\n## Reads at fleet scale (\`npm run bench:reads\`)\n\n${block}\n`;
}

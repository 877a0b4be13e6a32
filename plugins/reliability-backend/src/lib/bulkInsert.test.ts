import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { bulkInsert, BulkColumn } from './bulkInsert';

jest.setTimeout(60_000);

const COLUMNS: BulkColumn[] = [
  { name: 'name', type: 'text' },
  { name: 'flag', type: 'boolean' },
  { name: 'count', type: 'integer' },
  { name: 'ratio', type: 'double' },
  { name: 'at', type: 'timestamp' },
  { name: 'note', type: 'text' },
];

async function createSamples(knex: Knex, table: string) {
  await knex.schema.createTable(table, t => {
    t.string('name', 255).primary();
    t.boolean('flag').notNullable();
    t.integer('count').nullable();
    t.double('ratio').nullable();
    t.timestamp('at', { useTz: true }).nullable();
    t.text('note').nullable();
  });
}

function sample(i: number, note: string | null = null) {
  return {
    name: `row-${i}`,
    flag: i % 2 === 0,
    count: i % 7 === 0 ? null : i,
    ratio: i % 5 === 0 ? null : i / 3,
    at: i % 11 === 0 ? null : new Date(Date.UTC(2026, 10, 20, 10, 0, i)),
    note,
  };
}

describe('bulkInsert', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'stores every row exactly as knex would, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createSamples(knex, 'bulk');
      await createSamples(knex, 'plain');
      // Quotes, backslashes, non-ASCII and SQL-looking text survive.
      const hostile = `it's "quoted" \\ ünïcode'); DROP TABLE bulk; --`;
      const rows = Array.from({ length: 4_500 }, (_, i) =>
        sample(i, i === 3 ? hostile : null),
      );
      await bulkInsert(knex, 'bulk', COLUMNS, rows);
      for (let i = 0; i < rows.length; i += 100) {
        await knex('plain').insert(rows.slice(i, i + 100));
      }
      // Stored the same, down to each value's type: readers cannot tell
      // which way a row was written.
      expect(await knex('bulk').orderBy('name')).toEqual(
        await knex('plain').orderBy('name'),
      );
      const [back] = await knex('bulk').where('name', 'row-3');
      expect(back.note).toBe(hostile);
      expect(Number(back.ratio)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the other columns of conflicting rows and adds the rest, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createSamples(knex, 'bulk');
      await createSamples(knex, 'plain');
      const first = Array.from({ length: 1_200 }, (_, i) => sample(i, 'first'));
      const second = Array.from({ length: 1_200 }, (_, i) => ({
        ...sample(i + 600, 'second'),
        flag: true,
      }));
      for (const batch of [first, second]) {
        await bulkInsert(knex, 'bulk', COLUMNS, batch, { mergeOn: ['name'] });
        for (let i = 0; i < batch.length; i += 100) {
          await knex('plain')
            .insert(batch.slice(i, i + 100))
            .onConflict('name')
            .merge();
        }
      }
      const stored = await knex('bulk').orderBy('name');
      expect(stored).toHaveLength(1_800);
      expect(stored).toEqual(await knex('plain').orderBy('name'));
      const notes = (await knex('bulk')
        .select('note')
        .count({ n: '*' })
        .groupBy('note')
        .orderBy('note')) as Array<{ note: string; n: unknown }>;
      expect(notes.map(r => [r.note, Number(r.n)])).toEqual([
        ['first', 600],
        ['second', 1_200],
      ]);
    },
  );
});

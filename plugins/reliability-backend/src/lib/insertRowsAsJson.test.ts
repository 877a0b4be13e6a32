import { TestDatabases } from '@backstage/backend-test-utils';
import { insertRowsAsJson } from './insertRowsAsJson';

jest.setTimeout(60_000);

describe('insertRowsAsJson', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'inserts every row with its values and types intact, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('samples', table => {
        table.string('name', 255).primary();
        table.boolean('flag').notNullable();
        table.integer('count').nullable();
        table.text('note').nullable();
      });
      const rows = Array.from({ length: 45_000 }, (_, i) => ({
        name: `row-${i}`,
        flag: i % 2 === 0,
        count: i % 7 === 0 ? null : i,
        // Quotes, backslashes, non-ASCII and SQL-looking text survive.
        note:
          i === 3 ? `it's "quoted" \\ ünïcode'); DROP TABLE samples; --` : null,
      }));
      await insertRowsAsJson(
        knex,
        'samples',
        [
          { name: 'name', type: 'text' },
          { name: 'flag', type: 'boolean' },
          { name: 'count', type: 'integer' },
          { name: 'note', type: 'text' },
        ],
        rows,
      );

      const stored = await knex('samples').orderBy('name');
      expect(stored).toHaveLength(rows.length);
      const byName = new Map(stored.map(r => [r.name, r]));
      for (const row of [rows[0], rows[3], rows[7], rows[44_999]]) {
        const back = byName.get(row.name);
        expect({
          ...back,
          flag: !!back.flag,
          count: back.count === null ? null : Number(back.count),
        }).toEqual(row);
      }
    },
  );
});

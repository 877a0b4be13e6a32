import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * Every table of the plugin, one directory: knex records each migration it
 * ran, so one pass brings the whole schema up to date.
 */
export const reliabilityMigrationsDirectory = resolvePackagePath(
  '@preflight/plugin-reliability-backend',
  'migrations',
);

/**
 * Connects to the plugin database and applies the pending migrations, unless
 * the deployment runs them itself (`backend.database.skipMigrations`). The
 * one place the schema changes: the stores are handed the knex this returns.
 * Safe with two replicas starting at once: knex holds a migration lock.
 */
export async function openReliabilityDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: reliabilityMigrationsDirectory });
  }
  return knex;
}

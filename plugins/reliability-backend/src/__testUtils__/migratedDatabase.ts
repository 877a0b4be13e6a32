import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { openReliabilityDatabase } from '../database/openReliabilityDatabase';

/**
 * A test database brought to the plugin's schema as the plugin's init does
 * it: the knex every store is handed.
 */
export async function migratedDatabase(knex: Knex): Promise<Knex> {
  return openReliabilityDatabase(mockServices.database({ knex }));
}

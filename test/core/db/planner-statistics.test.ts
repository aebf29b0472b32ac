import { sql } from 'drizzle-orm';
import { refreshPlannerStatistics, type Database } from '../../../core/db';
import { apiKeys } from '../../../core/db/schema';
import { testDatabases } from '../../helpers/test-database';

const [pglite] = testDatabases();
let database: Database;
beforeAll(async () => {
  database = await pglite!.open();
});
afterAll(() => database.close());

it('gives PGlite (which has no autovacuum) planner statistics', async () => {
  await database.db
    .insert(apiKeys)
    .values(Array.from({ length: 50 }, (_, i) => ({ name: `k${i}`, role: 'viewer' as const, keyHash: `hash-${i}`, keyPrefix: 'ugc_test' })));
  const analysedRows = async (): Promise<number> => {
    const { rows } = await database.db.execute<{ n: number }>(sql`select reltuples::int as n from pg_class where relname = 'api_keys'`);
    return rows[0]!.n;
  };
  expect(await analysedRows()).toBeLessThan(50);
  await refreshPlannerStatistics(database);
  expect(await analysedRows()).toBe(50);
});

import { sql } from 'drizzle-orm';
import type { Database } from './database';

/**
 * PGlite runs no autovacuum, so its query planner has no table statistics unless asked: without
 * them the rights and gallery queries scan whole tables (measured: gallery throughput fell to
 * a third). A PostgreSQL server's autovacuum keeps statistics current by itself.
 */
export async function refreshPlannerStatistics(database: Database): Promise<void> {
  if (database.driver === 'pglite') await database.db.execute(sql`analyze`);
}

import path from 'node:path';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import type { Database } from './database';
import { PROJECT_ROOT } from '../config/project-root';

const migrationsFolder = path.join(PROJECT_ROOT, 'core', 'db', 'migrations');

/** Any constant shared by every migrator of this product: the key of its advisory lock. */
const MIGRATION_LOCK_KEY = 7_305_114_273;

/**
 * Applies the committed migrations that this database has not seen yet; a no-op when it is
 * current. Safe to call from several processes (api and worker containers starting together)
 * and several times in one process.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  return database.driver === 'pglite' ? migrateEmbedded(database.client) : migrateServer(database.client);
}

/**
 * PGlite is one session inside this process, so a lock in the database cannot keep two callers
 * apart (the session already holds it); queue them here instead. No other process can open
 * the same PGlite directory at the same time.
 */
const embeddedRuns = new WeakMap<PGlite, Promise<void>>();

function migrateEmbedded(client: PGlite): Promise<void> {
  const previous = embeddedRuns.get(client) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => migratePglite(drizzlePglite(client), { migrationsFolder }));
  embeddedRuns.set(client, run);
  return run;
}

/**
 * drizzle's migrator reads the applied list and then migrates in a transaction: two servers
 * doing that at once would both apply the same migration. A session-level advisory lock,
 * taken on the connection the migration then runs on, makes the second wait and then find
 * nothing to do. On failure the connection is discarded, which also releases the lock.
 */
async function migrateServer(pool: Pool): Promise<void> {
  const connection = await pool.connect();
  let failed = false;
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg(connection), { migrationsFolder });
    await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    connection.release(failed);
  }
}

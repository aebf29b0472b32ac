import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool } from 'pg';
import { lockDirectory } from './directory-lock';
import * as schema from './schema';

/**
 * What raw `db.execute<Row>(sql)` resolves to: the part both drivers share. PGlite's Results
 * and node-postgres's QueryResult each carry more, but `rows` is all callers should rely on.
 */
export interface DbQueryResultHKT extends PgQueryResultHKT {
  type: DbRows<this['row']>;
}
export interface DbRows<Row> {
  rows: Row[];
}

/**
 * The database as the rest of the code sees it, whichever driver is underneath. The drivers'
 * own types (PgliteDatabase, NodePgDatabase) differ only in their query-result HKT, and both
 * are assignable to this one without a cast.
 */
export type Db = PgDatabase<DbQueryResultHKT, typeof schema>;

/**
 * The handle `db.transaction(async (tx) => …)` passes. It is itself a Db, so a function that
 * takes a Db works inside a transaction or outside one.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface DatabaseBase {
  db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `client` is the driver's own handle; only migrations and tests should need it. */
export type Database = DatabaseBase & ({ driver: 'pglite'; client: PGlite } | { driver: 'postgres'; client: Pool });

export interface OpenDatabaseOptions {
  /** postgres:// URL of a server; absent, PGlite runs in this process. */
  databaseUrl?: string;
  /** PGlite data directory, created if missing; absent, PGlite keeps everything in memory. */
  dbDir?: string;
  /** A PGlite dump (`dumpDataDir`) to start from instead of an empty cluster: skips initdb. */
  loadDataDir?: Blob;
  /** Told of errors on idle server connections (the pool drops them and reconnects). */
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.onPoolError) : openPglite(opts.dbDir, opts.loadDataDir);
}

async function openPglite(dbDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let unlock = async () => {};
  if (dbDir) {
    await fs.mkdir(dbDir, { recursive: true });
    unlock = await lockDirectory(dbDir);
  }
  try {
    const client = await PGlite.create(dbDir, { loadDataDir });
    const db = drizzlePglite(client, { schema });
    const close = () => client.close().finally(unlock);
    return { driver: 'pglite', client, db, ping: () => ping(db), close };
  } catch (e) {
    await unlock();
    throw e;
  }
}

async function openPostgres(connectionString: string, onPoolError?: (error: Error) => void): Promise<Database> {
  const client = new Pool({ connectionString });
  // Without a listener, an idle connection dropped by the server would crash the process.
  client.on('error', onPoolError ?? (() => {}));
  const db = drizzleNodePg(client, { schema });
  return { driver: 'postgres', client, db, ping: () => ping(db), close: () => client.end() };
}

async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

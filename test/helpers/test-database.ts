import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../core/db';
import { pgliteTemplate } from './pglite-template';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh database of its own; close() disposes of it. */
  open(): Promise<Database>;
}

/**
 * The databases every database test runs against: PGlite in memory always, and a throwaway
 * database on the PostgreSQL server at TEST_DATABASE_URL when that is set. Share one per file:
 *
 *   describe.each(testDatabases())('%s', ({ open }) => {
 *     let database: Database;
 *     beforeAll(async () => { database = await open(); });
 *     afterAll(() => database.close());
 *   });
 *
 * Databases come migrated unless `{ migrate: false }` is passed.
 */
export function testDatabases({ migrate = true } = {}): TestDatabase[] {
  const prepare = async (database: Database): Promise<Database> => {
    if (!migrate) return database;
    try {
      await migrateDatabase(database);
      return database;
    } catch (e) {
      await database.close();
      throw e;
    }
  };
  const serverUrl = process.env.TEST_DATABASE_URL;
  const openPglite = async (): Promise<Database> => (migrate ? openDatabase({ loadDataDir: await pgliteTemplate() }) : openDatabase({}));
  const all: TestDatabase[] = [{ name: 'pglite', open: async () => prepare(await openPglite()) }];
  if (serverUrl) all.push({ name: 'postgres', open: async () => prepare(await openServerDatabase(serverUrl)) });
  // `toString` names each case in describe.each('%s').
  return all.map((d) => ({ ...d, toString: () => d.name }));
}

/** A new, uniquely named database on the server; closing it drops it, connections and all. */
async function openServerDatabase(serverUrl: string): Promise<Database> {
  const { url, drop } = await createServerDatabase(serverUrl);
  const database = await openDatabase({ databaseUrl: url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * An empty, uniquely named database on the server at `serverUrl`, for tests whose other
 * processes connect to it by URL; drop() removes it, connections and all.
 */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists "${name}" with (force)`) };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

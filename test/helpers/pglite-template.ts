import { createHash } from 'node:crypto';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../core/db';

const MIGRATIONS = path.join(__dirname, '..', '..', 'core', 'db', 'migrations');
let cached: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated PGlite, made once per schema and kept in the temp dir:
 * starting PGlite from it takes under a second, where initdb plus migrations take 5–10 s.
 * Keyed by a hash of the migration files, so a schema change makes a new one.
 */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= loadOrCreate();
  return cached;
}

async function loadOrCreate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `ugc-pglite-template-${await migrationsHash()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const database = await openDatabase({});
    await migrateDatabase(database);
    if (database.driver !== 'pglite') throw new Error('expected PGlite');
    const dump = await database.client.dumpDataDir('none');
    await database.close();
    // Written aside and renamed: parallel jest workers never read a half-written template.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  }
}

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hash.update(entry.name).update(await readFile(full));
    }
  };
  await walk(MIGRATIONS);
  return hash.digest('hex').slice(0, 16);
}

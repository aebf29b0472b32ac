import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { creators, migrateDatabase, openDatabase } from '../../../core/db';

describe('PGlite in a directory', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pglite-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates the directory and keeps data across close and reopen', async () => {
    const dbDir = path.join(root, 'nested', 'db');

    const first = await openDatabase({ dbDir });
    expect(first.driver).toBe('pglite');
    await migrateDatabase(first);
    const [written] = await first.db.insert(creators).values({ handle: 'kept', platform: 'tiktok', followers: 12_000 }).returning();
    await first.close();

    const second = await openDatabase({ dbDir });
    try {
      await migrateDatabase(second);
      const read = await second.db.select().from(creators).where(eq(creators.handle, 'kept'));
      expect(read).toEqual([written]);
    } finally {
      await second.close();
    }
  });

  it('refuses to open a directory that is already open, and frees it on close', async () => {
    const dbDir = path.join(root, 'single-owner');
    const first = await openDatabase({ dbDir });
    await expect(openDatabase({ dbDir })).rejects.toThrow(/already open in process/);
    await first.close();
    expect(await readdir(dbDir)).not.toContain('owner.pid');
    const again = await openDatabase({ dbDir });
    await again.close();
  });

  it('takes over a directory whose owner process is gone', async () => {
    const dbDir = path.join(root, 'crashed');
    await mkdir(dbDir);
    await writeFile(path.join(dbDir, 'owner.pid'), '99999999'); // above any Linux pid
    const database = await openDatabase({ dbDir });
    await database.close();
  });
});

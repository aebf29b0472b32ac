import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../../core/config';
import { assets, creators, licenses, migrateDatabase, openDatabase, type Database } from '../../core/db';
import { createStorage, type StorageDriver } from '../../core/storage';
import { migrateEmbedded, type MigrateEmbeddedOptions } from '../../scripts/migrate/migrate-embedded';
import { addAsset, addCreator, addLicense } from '../core/ads/rights-fixtures';
import { startS3rver, type S3rverHandle } from '../helpers/s3rver';
import { createServerDatabase } from '../helpers/test-database';

/**
 * `npm run migrate:embedded` against a real PostgreSQL server (TEST_DATABASE_URL) and s3rver:
 * an embedded instance (PGlite and files in a DATA_DIR) is copied, verified, resumed after an
 * interruption, and a foreign non-empty target is refused.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const root = path.resolve(__dirname, '../..');
const SIGNING = { signingSecret: 'test-signing-secret-0123456789' };

(serverUrl ? describe : describe.skip)('migrate:embedded', () => {
  let dataDir: string;
  let s3: S3rverHandle;
  const drops: Array<() => Promise<void>> = [];
  let source: Config;
  let objects: Map<string, string>;

  /** A fresh target: an empty database on the server and a bucket of its own on s3rver. */
  const target = async (): Promise<MigrateEmbeddedOptions['target']> => {
    const { url, drop } = await createServerDatabase(serverUrl!);
    drops.push(drop);
    return {
      databaseUrl: url,
      storage: {
        driver: 's3',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        bucket: `copy-${randomUUID().slice(0, 8)}`,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
      },
    };
  };
  const withTarget = async <T>(t: MigrateEmbeddedOptions['target'], use: (db: Database, storage: StorageDriver) => Promise<T>): Promise<T> => {
    const database = await openDatabase({ databaseUrl: t.databaseUrl });
    try {
      return await use(database, await createStorage(t.storage, SIGNING));
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    s3 = await startS3rver();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-embedded-'));
    source = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    objects = await fillEmbeddedInstance(source);
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('copies every row and object, verified, and a second run only checks', async () => {
    const to = await target();
    const tables: string[] = [];
    const first = await migrateEmbedded({ source, target: to, onTable: (table, copied, total) => copied === total && tables.push(table) });
    expect(first.resumed).toBe(false);
    expect(first.tables.every((t) => t.sourceRows === t.targetRows)).toBe(true);
    expect(tables[0]).toBe('instance_settings');
    expect(tables.indexOf('creators')).toBeLessThan(tables.indexOf('assets'));
    expect(first.objects).toMatchObject({ objects: objects.size, copied: objects.size, alreadyThere: 0 });

    await withTarget(to, async ({ db }, storage) => {
      expect((await db.select().from(creators)).map((c) => c.handle)).toContain('copied.creator');
      const [license] = await db.select().from(licenses);
      expect(license!.territories).toEqual(['PL', 'DE']); // arrays, jsonb and timestamps arrive as written
      for (const [key, sha] of objects) expect(sha256(await readAll(await storage.get(key)))).toBe(sha);
    });

    const again = await migrateEmbedded({ source, target: to });
    expect(again.resumed).toBe(true);
    expect(again.tables.every((t) => t.skipped)).toBe(true);
    expect(again.objects).toMatchObject({ copied: 0, alreadyThere: objects.size });
  });

  it('an interrupted copy continues: missing rows and objects are copied, the rest kept', async () => {
    const to = await target();
    await migrateEmbedded({ source, target: to });
    const [lostKey] = [...objects.keys()];
    await withTarget(to, async ({ db }, storage) => {
      // As if stopped halfway: the last table's rows and one object never arrived.
      await db.delete(licenses);
      await db.delete(assets).where(eq(assets.status, 'ready'));
      await storage.delete(lostKey!);
    });
    const resumed = await migrateEmbedded({ source, target: to, batchRows: 2 }); // several batches, keys of one and two columns
    expect(resumed.resumed).toBe(true);
    expect(resumed.tables.find((t) => t.table === 'licenses')).toMatchObject({ skipped: false, targetRows: 1 });
    expect(resumed.tables.find((t) => t.table === 'creators')).toMatchObject({ skipped: true });
    expect(resumed.tables.find((t) => t.table === 'license_assets')).toMatchObject({ skipped: false, targetRows: 3 });
    expect(resumed.objects).toMatchObject({ copied: 1, alreadyThere: objects.size - 1 });
  });

  it('refuses a target database that holds another instance', async () => {
    const to = await target();
    await withTarget(to, async (database) => {
      await migrateDatabase(database);
      await addCreator(database.db, 'someone.else');
    });
    await expect(migrateEmbedded({ source, target: to })).rejects.toThrow(/already holds 1 rows of another instance.*refusing/);
  });

  it('as a command: says what is missing, and copies with the S3 settings from flags', async () => {
    const missing = await run([], { DATA_DIR: dataDir });
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/--to-database is required/);

    const to = await target();
    const s3Flags =
      to.storage.driver === 's3'
        ? ['--s3-endpoint', s3.endpoint, '--s3-bucket', to.storage.bucket, '--s3-access-key', s3.accessKey, '--s3-secret-key', s3.secretKey]
        : [];
    const copied = await run(['--to-database', to.databaseUrl!, '--data-dir', dataDir, ...s3Flags], {});
    expect(copied.output).toMatch(/table creators: \d+ rows/);
    expect(copied.output).toMatch(new RegExp(`Storage: ${objects.size} objects`));
    expect(copied.code).toBe(0);
  });
});

/** An embedded instance as `npm start` leaves it: migrated PGlite in DATA_DIR/db, files in DATA_DIR/media. */
async function fillEmbeddedInstance(config: Config): Promise<Map<string, string>> {
  const database = await openDatabase({ dbDir: config.dbDir });
  try {
    await migrateDatabase(database);
    const storage = await createStorage(config.storage, SIGNING);
    const creator = await addCreator(database.db, 'copied.creator');
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await addAsset(database.db, storage, { creatorId: creator.id, skus: ['SKU-COPY'] }));
    await addLicense(database.db, { assetIds: made.map((a) => a.id), territories: ['PL', 'DE'], channels: ['product_page'] });
    await database.db.execute(sql`select 1`);
    const objects = new Map<string, string>();
    for await (const object of storage.list('')) objects.set(object.key, sha256(await readAll(await storage.get(object.key))));
    return objects;
  } finally {
    await database.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/migrate-embedded.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { openDatabase } from '../../core/db';
import { openServices, type Services } from '../../core/runtime/services';
import { pgliteTemplate } from './pglite-template';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Environment for a process under test: its own DATA_DIR and queue prefix, quiet logs. */
export async function testEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ugc-test-'));
  return {
    DATA_DIR: dataDir,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...extra,
  };
}

/**
 * Real services (PGlite in memory from a migrated template, real Redis, fs storage in a temp
 * DATA_DIR) isolated by a unique queue prefix; close() also removes the data dir and the
 * prefix's Redis keys.
 */
export async function openTestServices(extra: Record<string, string> = {}): Promise<Services> {
  const env = await testEnv(extra);
  const database = await openDatabase({ loadDataDir: await pgliteTemplate() });
  const services = await openServices(loadConfig(env), { database });
  return {
    ...services,
    close: async () => {
      await deleteKeys(services, `${services.config.queuePrefix}:*`);
      await services.close();
      await rm(env.DATA_DIR!, { recursive: true, force: true });
    },
  };
}

async function deleteKeys({ redis }: Services, pattern: string): Promise<void> {
  if (redis.status !== 'ready') return; // a test of Redis being down
  for await (const keys of redis.scanStream({ match: pattern, count: 500 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}

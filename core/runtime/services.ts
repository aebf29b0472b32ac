import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { openDatabase, migrateDatabase, refreshPlannerStatistics, type Database } from '../db';
import { createLogger, type Logger } from '../logging/logger';
import { withInstanceQueuePrefix } from '../queue/instance-queue-prefix';
import { JobQueues } from '../queue/job-queues';
import { createRedisConnection } from '../queue/redis-connection';
import { createStorage, type StorageDriver } from '../storage';
import { persistentSecret } from './persistent-secret';

/**
 * Everything a process (API, worker, or both in the embedded launcher) talks to, opened once
 * and passed in. Nothing below this reads the environment or opens its own connections.
 */
export interface Services {
  config: Config;
  logger: Logger;
  database: Database;
  storage: StorageDriver;
  /** Producer-side Redis connection (fails fast); workers open their own blocking ones. */
  redis: Redis;
  queues: JobQueues;
  signingSecret: string;
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  logger?: Logger;
  /** An already open database to use (and close) instead of the configured one. */
  database?: Database;
}

export async function openServices(loadedConfig: Config, options: OpenServicesOptions = {}): Promise<Services> {
  let config = loadedConfig;
  const logger = options.logger ?? createLogger(config);
  const signingSecret = config.urlSigningSecret ?? (await persistentSecret(path.join(config.dataDir, 'url-signing-secret'))).value;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dbDir: config.dbDir }));
  const opened: Array<() => Promise<unknown>> = [() => database.close()];
  try {
    await migrateDatabase(database);
    await refreshPlannerStatistics(database);
    // Before anything touches Redis: every process on this database must agree on the prefix.
    config = await withInstanceQueuePrefix(config, database.db);
    const storage = await createStorage(config.storage, { signingSecret, publicBaseUrl: config.publicBaseUrl });
    const redis = createRedisConnection(config.redisUrl, 'producer');
    const reportRedisError = throttledWarning(logger, 'redis unavailable');
    redis.on('error', reportRedisError);
    opened.unshift(() => quit(redis));
    const queues = new JobQueues(redis, config.queuePrefix, reportRedisError);
    logger.debug({ queuePrefix: config.queuePrefix, source: config.queuePrefixSource }, 'queue prefix');
    opened.unshift(() => queues.close());
    return { config, logger, database, storage, redis, queues, signingSecret, close: () => closeAll(opened) };
  } catch (e) {
    await closeAll(opened);
    throw e;
  }
}

/** ioredis retries forever while Redis is down: one warning a minute is enough. */
function throttledWarning(logger: Logger, message: string): (error: Error) => void {
  let last = 0;
  return (error) => {
    if (Date.now() - last < 60_000) return;
    last = Date.now();
    logger.warn({ err: error.message }, message);
  };
}

/** QUIT needs a live connection; a connection that never came up is just dropped. */
async function quit(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit();
  else redis.disconnect();
}

/** Closes in order, newest first, and keeps going past failures so nothing is left open. */
async function closeAll(closers: Array<() => Promise<unknown>>): Promise<void> {
  const errors: unknown[] = [];
  for (const close of closers) await close().catch((e) => errors.push(e));
  if (errors.length) throw errors[0];
}

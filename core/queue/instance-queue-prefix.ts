import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import { instanceSettings, type Db } from '../db';

const INSTANCE_ID_KEY = 'instance_id';

/**
 * The queue prefix when QUEUE_PREFIX is not set: `ugc-` and the first 12 hex digits of an id
 * this installation's database keeps. Two checkouts (or two DATA_DIRs) on one Redis then use
 * different keys and never take each other's jobs, while every process sharing the database
 * (API and worker containers on one PostgreSQL) agrees on it. An explicit QUEUE_PREFIX wins.
 */
export async function withInstanceQueuePrefix(config: Config, db: Db): Promise<Config> {
  if (config.queuePrefixSource !== 'default') return config;
  const id = await instanceId(db);
  return { ...config, queuePrefix: `${config.queuePrefix}-${id.replace(/-/g, '').slice(0, 12)}`, queuePrefixSource: 'instance' };
}

/** Made once per database; concurrent first starts agree, since the insert of the loser does nothing. */
export async function instanceId(db: Db): Promise<string> {
  await db.insert(instanceSettings).values({ key: INSTANCE_ID_KEY, value: randomUUID() }).onConflictDoNothing();
  const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, INSTANCE_ID_KEY));
  return row!.value;
}

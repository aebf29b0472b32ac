import { Redis, type RedisOptions } from 'ioredis';

/**
 * One factory for every Redis connection. The two roles want opposite failure behaviour:
 * - `worker`: blocking commands must wait forever and survive Redis restarts
 *   (BullMQ requires maxRetriesPerRequest: null);
 * - `producer`: a request handler must fail fast when Redis is down, so the API can answer
 *   503 instead of hanging the client.
 */
export type RedisRole = 'producer' | 'worker';

export function createRedisConnection(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const roleOptions: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null, enableReadyCheck: false } : { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 };
  return new Redis(url, { lazyConnect: false, ...roleOptions, ...extra });
}

import { rateLimit, type Options, type RateLimitRequestHandler, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Services } from '../../core/runtime/services';

type LimitServices = Pick<Services, 'config' | 'logger' | 'redis'>;

/**
 * Per client IP (as Express sees it: set TRUST_PROXY behind a proxy), per minute. `name` keeps
 * the counts of separate limiters apart (/public, the creator's pages). Without
 * SHARE_REPLICA_STATE counts live in this process's memory, so with N replicas a client may make
 * N times the limit; with it they live in Redis, one round trip per request, under the queue
 * prefix so that other installations sharing the Redis count on their own.
 */
export function publicRateLimit(services: LimitServices, name: string): RateLimitRequestHandler {
  const { config, logger } = services;
  return rateLimit({
    windowMs: 60_000,
    limit: config.publicRateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: config.shareReplicaState ? redisStore(services, name) : undefined,
    // Redis away: serve rather than refuse everyone (a guard against scraping loops, not a gate).
    passOnStoreError: true,
    logger: { error: (err, message) => logger.error({ err }, message), warn: (err, message) => logger.warn({ err }, message) },
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        error: { code: 'rate_limited', message: `More than ${config.publicRateLimitPerMinute} requests a minute from this address; try again later` },
      });
    },
  });
}

/** Where a shared limiter counts: `<queue prefix>:rate-limit:<name>:<client>`. */
export const rateLimitKeyPrefix = (queuePrefix: string, name: string): string => `${queuePrefix}:rate-limit:${name}:`;

function redisStore({ config, redis }: LimitServices, name: string): Store {
  return new ReloadingRedisStore({
    prefix: rateLimitKeyPrefix(config.queuePrefix, name),
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
}

/**
 * rate-limit-redis loads its Lua script once, when the limiter is made, and a failed load (Redis
 * down at start-up) would fail every later request and go unhandled meanwhile. Here a failed
 * load is marked handled and tried again by the next request.
 */
class ReloadingRedisStore extends RedisStore {
  override async init(options: Options): Promise<void> {
    await super.init(options);
    this.incrementScriptSha.catch(() => {});
    this.getScriptSha.catch(() => {});
  }

  override async increment(key: string): ReturnType<RedisStore['increment']> {
    this.incrementScriptSha = this.incrementScriptSha.catch(() => this.loadIncrementScript());
    return super.increment(key);
  }
}

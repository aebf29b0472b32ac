import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-root';
import { parseUtmTemplate, type UtmTemplate } from './utm-template';

/**
 * Every setting the system reads, from environment variables, validated once at start-up.
 * Nothing else in the code reads process.env: the result of loadConfig is passed in.
 * Defaults give the embedded setup (PGlite and files under DATA_DIR, Redis on loopback).
 */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl.refine((u) => !u || /^postgres(ql)?:/.test(u), 'must be a postgres:// or postgresql:// URL'),
  REDIS_URL: z
    .url()
    .refine((u) => /^rediss?:/.test(u), 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_{}:-]+$/, 'letters, digits, _ - : { } only')
      .optional(),
  ),
  QUEUE_RECONCILE_INTERVAL_S: z.coerce.number().int().min(1).default(60),
  STORAGE_DRIVER: z.enum(['fs', 's3']).default('fs'),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name')
    .default('ugc-media'),
  S3_ACCESS_KEY: optionalString,
  S3_SECRET_KEY: optionalString,
  ADMIN_API_KEY: optionalString.refine((k) => !k || k.length >= 16, 'must be at least 16 characters'),
  URL_SIGNING_SECRET: optionalString.refine((k) => !k || k.length >= 16, 'must be at least 16 characters'),
  PUBLIC_BASE_URL: optionalUrl,
  JSON_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'a size like 1mb or 512kb')
    .default('1mb'),
  UPLOAD_LIMIT_MB: z.coerce.number().int().positive().default(2048),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['json', 'pretty']).optional()),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().max(64).default(2),
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  CUT_TIMEOUT_S: z.coerce.number().int().positive().default(1800),
  FFMPEG_PATH: optionalString,
  FFPROBE_PATH: optionalString,
  TRUST_PROXY: bool.default(false),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  SHARE_REPLICA_STATE: z.preprocess((v) => (v === '' ? undefined : v), bool.optional()),
  GALLERY_MAX_AGE_S: z.coerce.number().int().min(0).max(3600).default(60),
  LICENSE_SWEEP_INTERVAL_S: z.coerce.number().int().min(1).default(300),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
  METRICS_PUBLIC: bool.default(false),
  METRICS_TOKEN: optionalString.refine((k) => !k || k.length >= 16, 'must be at least 16 characters'),
  NLP_CORPORA_DIR: optionalString,
  BRAND_NAME: z.string().trim().min(1).max(100).default('Brand'),
  BRAND_TIME_ZONE: z
    .string()
    .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'an IANA time zone such as Europe/Warsaw')
    .default('Europe/Warsaw'),
  CHECK_REPLIES: z.preprocess((v) => (v === '' ? undefined : v), bool.optional()),
  TRACKING_UTM_TEMPLATE: z
    .string()
    .default('')
    .transform((setting, ctx) => {
      const parsed = parseUtmTemplate(setting);
      if ('template' in parsed) return parsed.template;
      for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  /** Absent: PGlite in dbDir. */
  databaseUrl?: string;
  dbDir: string;
  redisUrl: string;
  /**
   * Prefix of every BullMQ key. Unset QUEUE_PREFIX: `ugc` until openServices replaces it with
   * one unique to this installation's database (see core/queue/instance-queue-prefix.ts).
   */
  queuePrefix: string;
  /** `env`: QUEUE_PREFIX as set; `default`: not set yet resolved; `instance`: derived from the database. */
  queuePrefixSource: 'env' | 'default' | 'instance';
  /** How often workers re-queue what the database says is unfinished (worker/reconcile-queues.ts). */
  queueReconcileIntervalS: number;
  storage: { driver: 'fs'; root: string } | { driver: 's3'; endpoint: string; region: string; bucket: string; accessKey: string; secretKey: string };
  adminApiKey?: string;
  urlSigningSecret?: string;
  publicBaseUrl?: string;
  jsonBodyLimit: string;
  uploadLimitBytes: number;
  logLevel: Env['LOG_LEVEL'];
  /** Unset: readable lines at a terminal, JSON elsewhere and in production (core/logging/log-format.ts). */
  logFormat?: 'json' | 'pretty';
  shutdownTimeoutMs: number;
  workerConcurrency: number;
  /**
   * How long a worker's claim on a job lasts unless renewed (it renews at half), and how often
   * workers look for jobs whose claim lapsed: a job whose worker died runs again within about twice this.
   */
  workerLockMs: number;
  /** Longest an ad-cut render may run before it is stopped and the job fails (and is retried). */
  cutTimeoutS: number;
  trustProxy: boolean;
  /** Requests a client IP may make to /public/* per minute. */
  publicRateLimitPerMinute: number;
  /**
   * Several API replicas share one view: the public rate limit counts in Redis and a write through
   * any replica drops every replica's cached galleries (Redis pub/sub), both under the queue prefix.
   * SHARE_REPLICA_STATE; unset: on with DATABASE_URL (replicas need a server), off with PGlite (one process).
   */
  shareReplicaState: boolean;
  /** Longest Cache-Control max-age of the public gallery (shorter when a license ends sooner). */
  galleryMaxAgeS: number;
  licenseSweepIntervalS: number;
  /** First webhook retry delay; each later one doubles it. */
  webhookRetryBaseMs: number;
  /** Hosts (lower case, as written in a URL) webhooks may target even on loopback, link-local or private addresses. */
  webhookAllowedHosts: string[];
  /** True: /metrics answers anyone; otherwise it needs an admin key or METRICS_TOKEN. */
  metricsPublic: boolean;
  /** A bearer token for Prometheus scrapers, so they need no admin key. */
  metricsToken?: string;
  /** Absent: ffmpeg/ffprobe on PATH, else the npm-bundled builds (core/media/media-tools.ts). */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** The public corpora the comment models learn from (retraining, nlp:train, bench:nlp). */
  nlpCorporaDir: string;
  /** The brand's name as creators read it: rights-request pages, messages, contracts and the default reply hashtags (#takBrand, #yesBrand). */
  brandName: string;
  /** The zone dates are written in for creators (request pages, contracts). */
  brandTimeZone: string;
  /** Check every API reply against its route's response schema (a mismatch is a 500): on in tests, so no reply drifts from its documentation. */
  checkReplies: boolean;
  /** Query parameters a tracking link adds to a landing URL: parameter → template (core/config/utm-template.ts). */
  utmTemplate: UtmTemplate;
}

/** Where the corpora are when this checkout sits next to `shared/` (as in CI): `../shared/data/nlp`. */
export const DEFAULT_NLP_CORPORA_DIR = path.resolve(PROJECT_ROOT, '../shared/data/nlp');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    checkReplies: e.CHECK_REPLIES ?? e.NODE_ENV === 'test',
    brandName: e.BRAND_NAME,
    brandTimeZone: e.BRAND_TIME_ZONE,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    dbDir: path.join(dataDir, 'db'),
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX ?? 'ugc',
    queuePrefixSource: e.QUEUE_PREFIX ? 'env' : 'default',
    queueReconcileIntervalS: e.QUEUE_RECONCILE_INTERVAL_S,
    storage: storageConfig(e, dataDir),
    adminApiKey: e.ADMIN_API_KEY,
    urlSigningSecret: e.URL_SIGNING_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    jsonBodyLimit: e.JSON_BODY_LIMIT,
    uploadLimitBytes: e.UPLOAD_LIMIT_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerLockMs: e.WORKER_LOCK_MS,
    cutTimeoutS: e.CUT_TIMEOUT_S,
    trustProxy: e.TRUST_PROXY,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS.split(',')
      .map((h) =>
        h
          .trim()
          .toLowerCase()
          .replace(/^\[(.*)\]$/, '$1'),
      )
      .filter(Boolean),
    metricsPublic: e.METRICS_PUBLIC,
    metricsToken: e.METRICS_TOKEN,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    shareReplicaState: e.SHARE_REPLICA_STATE ?? Boolean(e.DATABASE_URL),
    galleryMaxAgeS: e.GALLERY_MAX_AGE_S,
    licenseSweepIntervalS: e.LICENSE_SWEEP_INTERVAL_S,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    nlpCorporaDir: path.resolve(e.NLP_CORPORA_DIR ?? DEFAULT_NLP_CORPORA_DIR),
    utmTemplate: e.TRACKING_UTM_TEMPLATE,
  };
}

function storageConfig(e: Env, dataDir: string): Config['storage'] {
  if (e.STORAGE_DRIVER === 'fs') return { driver: 'fs', root: path.join(dataDir, 'media') };
  const missing = (['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const).filter((k) => !e[k]);
  if (missing.length) throw new ConfigError(missing.map((k) => `${k}: required when STORAGE_DRIVER=s3`));
  return {
    driver: 's3',
    endpoint: e.S3_ENDPOINT!,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    accessKey: e.S3_ACCESS_KEY!,
    secretKey: e.S3_SECRET_KEY!,
  };
}

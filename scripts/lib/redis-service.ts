import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { ensureDebianPackage } from './debian-packages';
import { redactUrl } from './redact-url';
import { waitFor } from './wait-for';

export interface RedisService {
  url: string;
  /** True when this process started redis-server (and stop() shuts it down). */
  started: boolean;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Reuses the Redis at redisUrl when it answers; otherwise, for a loopback URL, starts
 * redis-server (installing it when possible) with its data in dataDir/redis.
 */
export async function ensureRedis(redisUrl: string, dataDir: string): Promise<RedisService> {
  const probe = await pingRedis(redisUrl);
  if (probe === 'pong') return { url: redisUrl, started: false, stop: async () => {} };
  const url = new URL(redisUrl);
  if (probe !== 'unreachable') {
    throw new Error(`Redis at ${redactUrl(redisUrl)} answers but refused the connection (check the password in REDIS_URL): ${probe}`);
  }
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`Redis at ${redactUrl(redisUrl)} does not answer. Start it, or point REDIS_URL at a Redis that does.`);
  }
  ensureDebianPackage({ command: 'redis-server', pkg: 'redis-server' });
  return startRedisServer(url, path.join(dataDir, 'redis'));
}

/** 'pong' when Redis answers, 'unreachable' when nothing does, else the error Redis replied. */
export async function pingRedis(redisUrl: string, timeoutMs = 1_000): Promise<'pong' | 'unreachable' | string> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // A ReplyError (e.g. NOAUTH during the handshake) means a server is there but refused us;
  // anything else (ECONNREFUSED, timeout, DNS) means nothing answers.
  let replyError: string | undefined;
  client.on('error', (err: Error) => {
    if (err.name === 'ReplyError') replyError = err.message;
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? 'pong' : 'unexpected reply to PING';
  } catch (err) {
    if (err instanceof Error && err.name === 'ReplyError') return err.message;
    return replyError ?? 'unreachable';
  } finally {
    // disconnect() on a connection that already ended arms a 2 s timer that keeps the process alive.
    if (client.status !== 'end') client.disconnect();
  }
}

async function startRedisServer(url: URL, dir: string): Promise<RedisService> {
  fs.mkdirSync(dir, { recursive: true });
  const port = url.port || '6379';
  const args = ['--bind', '127.0.0.1', '-::1', '--port', port, '--dir', dir, '--appendonly', 'yes', '--save', ''];
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  // Own process group: a terminal Ctrl-C reaches the launcher only, which stops Redis
  // last, after the workers have finished their jobs.
  const child = spawn('redis-server', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ready = await waitFor(async () => (await pingRedis(url.href, 500)) === 'pong', {
    timeoutMs: START_TIMEOUT_MS,
    until: exited,
  });
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
  }
  return { url: url.href, started: true, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM'); // redis-server flushes the append-only file and exits
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last lines redis-server printed, for the error message when it fails to start. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

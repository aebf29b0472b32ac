import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isOnPath } from '../../scripts/lib/debian-packages';
import { ensureRedis, pingRedis } from '../../scripts/lib/redis-service';
import { freePort } from './free-port';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const hasRedisServer = isOnPath('redis-server');
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-service-test-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('reuses a Redis that answers and leaves it running on stop', async () => {
  const redis = await ensureRedis(redisUrl, dataDir);
  expect(redis).toMatchObject({ url: redisUrl, started: false });
  await redis.stop();
  expect(await pingRedis(redisUrl)).toBe('pong');
  expect(fs.existsSync(path.join(dataDir, 'redis'))).toBe(false);
});

(hasRedisServer ? test : test.skip)('starts redis-server on a free loopback port and stops it', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  expect(await pingRedis(url)).toBe('unreachable');

  const redis = await ensureRedis(url, dataDir);
  try {
    expect(redis.started).toBe(true);
    expect(await pingRedis(url)).toBe('pong');
    expect(fs.readdirSync(path.join(dataDir, 'redis'))).toContain('appendonlydir');
  } finally {
    await redis.stop();
  }
  expect(await pingRedis(url)).toBe('unreachable');
});

test('refuses to start anything for a Redis that is not on this machine', async () => {
  // `.invalid` never resolves, so no traffic leaves the machine.
  await expect(ensureRedis('redis://redis.invalid:6379', dataDir)).rejects.toThrow(/does not answer/);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import type { Services } from '../../core/runtime/services';
import { openTestServices, testEnv } from '../helpers/test-services';

/**
 * The API process enqueues, a separate worker process (worker/main.ts, as in production)
 * consumes, over real Redis. They share only Redis and the queue prefix.
 */
const ROOT = path.join(__dirname, '..', '..');
let services: Services;
let worker: ChildProcess;
let workerDataDir: string;
let adminKey: string;

beforeAll(async () => {
  services = await openTestServices();
  adminKey = (await ensureAdminKey(services)).key!;
  const env = await testEnv({ QUEUE_PREFIX: services.config.queuePrefix, LOG_LEVEL: 'info' });
  workerDataDir = env.DATA_DIR!;
  worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForLine(worker, /worker ready/);
}, 60_000);

afterAll(async () => {
  if (worker.exitCode === null) worker.kill('SIGKILL');
  await services.close();
  await rm(workerDataDir, { recursive: true, force: true });
});

it('a job enqueued through the API is processed by the worker process', async () => {
  const app = createApp(services);
  const auth = { Authorization: `Bearer ${adminKey}` };
  const ping = await request(app).post('/api/v1/jobs/ping').set(auth).expect(200);
  expect(ping.body.worker).toMatch(new RegExp(`:${worker.pid}$`));

  const jobId = await services.queues.add('system', { type: 'ping', sentAt: new Date().toISOString() });
  let job;
  for (let i = 0; i < 100 && job?.state !== 'completed'; i++) {
    job = (await request(app).get(`/api/v1/jobs/${jobId}`).set(auth).expect(200)).body;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(job).toMatchObject({ id: jobId, queue: 'system', name: 'ping', state: 'completed', progress: 100, attempts: 1 });
  expect(job.result.worker).toBe(ping.body.worker);
});

it('an unknown job id → 404 job_not_found', async () => {
  const res = await request(createApp(services)).get('/api/v1/jobs/media.1').set('Authorization', `Bearer ${adminKey}`).expect(404);
  expect(res.body.error.code).toBe('job_not_found');
});

it('the worker stops cleanly on SIGTERM', async () => {
  worker.kill('SIGTERM');
  const [code] = await once(worker, 'exit');
  expect(code).toBe(0);
});

it('with no worker running, a ping is answered 503 worker_unavailable', async () => {
  const res = await request(createApp(services)).post('/api/v1/jobs/ping').set('Authorization', `Bearer ${adminKey}`).expect(503);
  expect(res.body.error.code).toBe('worker_unavailable');
}, 20_000);

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before ready:\n${seen}`)));
  });
}

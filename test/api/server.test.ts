import http from 'node:http';
import request from 'supertest';
import { createApp } from '../../api/app';
import { startApiServer } from '../../api/server';
import { openTestServices } from '../helpers/test-services';

it('on close, finishes the request in flight, then accepts no new connections', async () => {
  const services = await openTestServices({ PORT: '0' });
  try {
    const api = await startApiServer(services);
    const body = JSON.stringify({ name: 'slow client', role: 'viewer' });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${api.url}/api/v1/keys`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${api.adminKey.key}` },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10)); // the request is now in flight
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closed = api.close();
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).name).toBe('slow client');
    await closed;
    await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
  } finally {
    await services.close();
  }
});

it('/readyz answers 503 naming what is down when Redis does not answer', async () => {
  const services = await openTestServices({ REDIS_URL: 'redis://127.0.0.1:1' });
  try {
    const res = await request(createApp(services)).get('/readyz').expect(503);
    expect(res.body.error).toEqual({ code: 'not_ready', message: 'Not ready: redis' });
    expect(res.body.checks.database.ok).toBe(true);
    expect(res.body.checks.redis.ok).toBe(false);
  } finally {
    await services.close();
  }
}, 30_000);

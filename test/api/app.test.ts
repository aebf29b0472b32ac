import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

let services: Services;
let app: Express;
let adminKey: string;

beforeAll(async () => {
  services = await openTestServices({ JSON_BODY_LIMIT: '2kb' });
  app = createApp(services);
  adminKey = (await ensureAdminKey(services)).key!;
});
afterAll(() => services.close());

const asAdmin = (req: request.Test): request.Test => req.set('Authorization', `Bearer ${adminKey}`);

describe('health and operations', () => {
  it('GET /healthz answers while the process is up', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('GET /readyz checks database, Redis and storage', async () => {
    const res = await request(app).get('/readyz').expect(200);
    expect(res.body.status).toBe('ready');
    for (const check of ['database', 'redis', 'storage']) expect(res.body.checks[check].ok).toBe(true);
  });

  it('GET /metrics exposes Prometheus text with HTTP and queue metrics', async () => {
    await request(app).get('/healthz');
    const res = await asAdmin(request(app).get('/metrics')).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
    expect(res.text).toMatch(/queue_jobs\{queue="system",state="waiting"\} 0/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('GET /api/openapi.json documents the routes from their schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const createKey = res.body.paths['/api/v1/keys'].post;
    expect(createKey.requestBody.content['application/json'].schema.properties.role.enum).toEqual(['admin', 'content_manager', 'performance', 'viewer']);
    expect(res.body.paths['/api/v1/jobs/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
  });

  it('echoes a safe X-Request-Id and makes one otherwise', async () => {
    const given = await request(app).get('/healthz').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(app).get('/healthz').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the web page at /', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('UGC rights library');
  });
});

describe('bad input gets a clear JSON error', () => {
  it('unknown route → 404 route_not_found', async () => {
    const res = await request(app).get('/api/v1/nope').expect(404);
    expect(res.body).toEqual({ error: { code: 'route_not_found', message: 'No route for GET /api/v1/nope' } });
  });

  it('malformed JSON → 400 invalid_json', async () => {
    const res = await asAdmin(request(app).post('/api/v1/keys')).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/); // no stack trace
  });

  it('body over the configured limit → 413 payload_too_large', async () => {
    const res = await asAdmin(request(app).post('/api/v1/keys'))
      .send({ name: 'x'.repeat(4096), role: 'viewer' })
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('a body that is not JSON → 415 expected_json', async () => {
    const res = await asAdmin(request(app).post('/api/v1/keys')).set('Content-Type', 'text/plain').send('name=x').expect(415);
    expect(res.body.error.code).toBe('expected_json');
  });

  it('missing key → 401 missing_api_key', async () => {
    expect((await request(app).get('/api/v1/keys').expect(401)).body.error.code).toBe('missing_api_key');
  });

  it('wrong key → 401 invalid_api_key', async () => {
    const res = await request(app).get('/api/v1/keys').set('Authorization', 'Bearer ugc_not-a-real-key').expect(401);
    expect(res.body.error.code).toBe('invalid_api_key');
  });

  it('malformed Authorization → 401 invalid_authorization', async () => {
    const res = await request(app).get('/api/v1/keys').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(res.body.error.code).toBe('invalid_authorization');
  });

  it('invalid fields → 422 with a code naming the field', async () => {
    const res = await asAdmin(request(app).post('/api/v1/keys')).send({ name: 'ops', role: 'superuser' }).expect(422);
    expect(res.body.error.code).toBe('invalid_role');
    const missing = await asAdmin(request(app).post('/api/v1/keys')).send({ role: 'viewer' }).expect(422);
    expect(missing.body.error.code).toBe('invalid_name');
  });
});

describe('API keys and roles', () => {
  it('an admin creates a key that is shown once and works with its role', async () => {
    const created = await asAdmin(request(app).post('/api/v1/keys')).send({ name: 'Shop front', role: 'viewer' }).expect(201);
    expect(created.body).toMatchObject({ name: 'Shop front', role: 'viewer' });
    expect(created.body.key).toMatch(/^ugc_[A-Za-z0-9_-]{43}$/);

    const viewer = (req: request.Test): request.Test => req.set('Authorization', `Bearer ${created.body.key}`);
    const forbidden = await viewer(request(app).post('/api/v1/keys')).send({ name: 'x', role: 'admin' }).expect(403);
    expect(forbidden.body.error.code).toBe('forbidden_role');
    await viewer(request(app).get('/api/v1/jobs/system.999999')).expect(404);

    const list = await asAdmin(request(app).get('/api/v1/keys')).expect(200);
    expect(list.body.items.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({ keyPrefix: created.body.key.slice(0, 8), revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    await asAdmin(request(app).delete(`/api/v1/keys/${created.body.id}`)).expect(200);
    expect((await viewer(request(app).get('/api/v1/jobs/system.1')).expect(401)).body.error.code).toBe('invalid_api_key');
  });

  it('revoking an unknown key → 404, a malformed id → 400', async () => {
    await asAdmin(request(app).delete('/api/v1/keys/00000000-0000-4000-8000-000000000000')).expect(404);
    expect((await asAdmin(request(app).delete('/api/v1/keys/not-a-uuid')).expect(400)).body.error.code).toBe('invalid_id');
  });

  it('the generated admin key is kept in DATA_DIR/admin-key, owner-only, and reused', async () => {
    const file = path.join(services.config.dataDir, 'admin-key');
    expect((await readFile(file, 'utf8')).trim()).toBe(adminKey);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await ensureAdminKey(services)).toEqual({ key: adminKey, source: 'file' });
  });
});

describe('ADMIN_API_KEY', () => {
  it('is accepted as an admin key and never echoed', async () => {
    const envKey = 'env-admin-key-0123456789';
    const other = await openTestServices({ ADMIN_API_KEY: envKey });
    try {
      expect(await ensureAdminKey(other)).toEqual({ key: null, source: 'env' });
      await request(createApp(other)).get('/api/v1/keys').set('Authorization', `Bearer ${envKey}`).expect(200);
    } finally {
      await other.close();
    }
  });
});

describe('/metrics access', () => {
  const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
  /** The same services under other settings. */
  const appWith = (config: Partial<Services['config']>) => createApp({ ...services, config: { ...services.config, ...config } });

  it('needs an admin key by default, while /healthz and /readyz stay open', async () => {
    expect((await request(app).get('/metrics').expect(401)).body.error.code).toBe('missing_api_key');
    const viewer = (await createApiKey(services.database.db, 'viewer', 'viewer')).key;
    expect((await request(app).get('/metrics').set('Authorization', `Bearer ${viewer}`).expect(403)).body.error.code).toBe('forbidden_role');
    await asAdmin(request(app).get('/metrics')).expect(200);
    await request(app).get('/healthz').expect(200);
    await request(app).get('/readyz').expect(200);
  });

  it('takes the scraper token METRICS_TOKEN in place of an admin key, and nothing close to it', async () => {
    const scraped = appWith({ metricsToken: METRICS_TOKEN });
    const res = await request(scraped).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect((await request(scraped).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(401)).body.error.code).toBe('invalid_api_key');
    await request(scraped).get('/metrics').expect(401);
    await asAdmin(request(scraped).get('/metrics')).expect(200);
  });

  it('answers anyone with METRICS_PUBLIC=true', async () => {
    await request(appWith({ metricsPublic: true }))
      .get('/metrics')
      .expect(200);
  });
});

describe('security headers', () => {
  it('every response forbids MIME sniffing and sends no Referer; the API and dashboard may not be framed', async () => {
    for (const res of [await request(app).get('/healthz'), await request(app).get('/api/v1/nope'), await asAdmin(request(app).get('/api/v1/keys'))]) {
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('the dashboard page has a strict Content-Security-Policy', async () => {
    const res = await request(app).get('/licenses/some-id').set('Accept', 'text/html');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const policy = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(policy).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': expect.stringMatching(/^'self'/),
      'img-src': "'self' blob: data:",
      'media-src': "'self' blob: data:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'self'",
    });
  });

  it('what shop pages embed from elsewhere may be embedded: the widget, the public gallery', async () => {
    for (const res of [await request(app).get('/widget.js'), await request(app).get('/public/v1/products/SKU-1/gallery?territory=PL')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['content-security-policy'] ?? '').not.toContain('frame-ancestors');
    }
  });
});

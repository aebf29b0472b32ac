import { execFile } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

/** The budget the issue sets for what a shop page downloads. */
const MAX_GZIPPED_BYTES = 10 * 1024;
const root = path.resolve(__dirname, '..', '..');

let services: Services;
let app: Express;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
});
afterAll(() => services.close());

/** GET over a real socket with node:http, which (unlike supertest and fetch) never unzips: the bytes as they travel. */
async function rawGet(pathname: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port, path: pathname, headers }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('GET /widget.js', () => {
  it('serves the minified custom element gzipped, within 10 KB, with no key', async () => {
    const res = await rawGet('/widget.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    const gzipped = res.body;
    const code = gunzipSync(gzipped).toString('utf8');
    console.log(`widget.js: ${code.length} bytes minified, ${gzipped.length} bytes gzipped (budget ${MAX_GZIPPED_BYTES})`);
    expect(gzipped.length).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
    expect(Number(res.headers['content-length'])).toBe(gzipped.length);
    expect(code).toContain('ugc-gallery');
    expect(code).not.toMatch(/\n\s+/); // minified
    expect(code).not.toMatch(/\brequire\(|\bimport\s*\(/); // self-contained: nothing loaded at run time
  });

  it('serves plain JavaScript to clients that do not accept gzip', async () => {
    const res = await rawGet('/widget.js', { 'Accept-Encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toContain('customElements');
  });

  it('is cacheable for a short while and revalidates with its ETag', async () => {
    const first = await request(app).get('/widget.js').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    await request(app).get('/widget.js').set('If-None-Match', etag!).expect(304);
  });

  it('type-checks as browser code (strict, DOM, no Node)', async () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    await expect(promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', path.join(root, 'web/widget')])).resolves.toBeDefined();
  });
});

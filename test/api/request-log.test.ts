import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { requestLogLevel } from '../../api/http/request-logger';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(() => services.close());

/** The app with a logger at `level` whose JSON lines are collected. */
function appLoggingAt(level: pino.Level) {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  const app = createApp({ ...services, logger: pino({ level }, sink) });
  return { app, lines };
}

describe('request log lines', () => {
  it('are written at debug, for a success and for a client error alike', async () => {
    const { app, lines } = appLoggingAt('debug');
    await request(app).get('/api/openapi.json').expect(200);
    await request(app).get('/api/v1/assets').expect(401);
    const requests = lines.filter((l) => /^GET \/api/.test(l.msg));
    expect(requests.map((l) => [l.msg, l.level])).toEqual([
      ['GET /api/openapi.json 200', pino.levels.values.debug],
      ['GET /api/v1/assets 401', pino.levels.values.debug],
    ]);
  });

  it('are not written at the default level, info', async () => {
    const { app, lines } = appLoggingAt('info');
    await request(app).get('/api/openapi.json').expect(200);
    await request(app).get('/api/v1/assets').expect(401);
    expect(lines.filter((l) => /^GET /.test(l.msg))).toEqual([]);
  });
});

describe('requestLogLevel', () => {
  it('keeps server errors at error: they need a person', () => {
    expect(requestLogLevel(500)).toBe('error');
    expect(requestLogLevel(200, new Error('aborted'))).toBe('error');
    expect(requestLogLevel(404)).toBe('debug');
  });
});

import { and, asc, eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { auditLog, type Creator } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { addCreator } from '../core/ads/rights-fixtures';
import { openTestServices } from '../helpers/test-services';

/**
 * Creator codes: entered or generated, unique brand-wide whatever the case, deactivated and
 * still listed, each change audited; listed per creator and for the whole brand.
 */
interface Library {
  services: Services;
  app: Express;
  keys: { performance: string; contentManager: string; viewer: string; admin: string };
  ola: Creator;
  bart: Creator;
}

let lib: Library;
beforeAll(async () => {
  const services = await openTestServices();
  const { db } = services.database;
  lib = {
    services,
    app: createApp(services),
    keys: {
      admin: (await ensureAdminKey(services)).key!,
      performance: (await createApiKey(db, 'ads team', 'performance')).key,
      contentManager: (await createApiKey(db, 'content team', 'content_manager')).key,
      viewer: (await createApiKey(db, 'auditor', 'viewer')).key,
    },
    ola: await addCreator(db, 'ola.kuchnia'),
    bart: await addCreator(db, 'bart_01'),
  };
});
afterAll(() => lib.services.close());

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const addCode = (body: Record<string, unknown>, creatorId = lib.ola.id, key = lib.keys.contentManager) =>
  as(key, request(lib.app).post(`/api/v1/creators/${creatorId}/codes`)).send(body);
const deactivate = (codeId: string, creatorId = lib.ola.id, key = lib.keys.performance) =>
  as(key, request(lib.app).post(`/api/v1/creators/${creatorId}/codes/${codeId}/deactivate`)).send({});
const listAll = (query: string, key = lib.keys.viewer) => as(key, request(lib.app).get(`/api/v1/creator-codes?${query}`));
const codesOf = (items: Array<{ code: string }>) => items.map((c) => c.code);

describe('POST /api/v1/creators/:id/codes', () => {
  it('generates a readable code from the handle when none is given', async () => {
    const res = await addCode({ campaign: 'Lato 2027', discount: { percent: 15 } }).expect(201);
    expect(res.body).toMatchObject({
      creatorId: lib.ola.id,
      creatorHandle: 'ola.kuchnia',
      campaign: 'Lato 2027',
      discount: { percent: 15 },
      active: true,
      deactivatedAt: null,
    });
    // The handle's letters, then four of an alphabet without 0, O, 1 or I.
    expect(res.body.code).toMatch(/^OLAKUCHNIA-[2-9A-HJ-NP-Z]{4}$/);
  });

  it('generates a different code each time', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await addCode({}, lib.bart.id).expect(201)).body.code);
    expect(codes.size).toBe(5);
    for (const code of codes) expect(code).toMatch(/^BART01-[2-9A-HJ-NP-Z]{4}$/);
  });

  it('keeps an entered code in upper case, trimmed, with an amount off', async () => {
    const res = await addCode({ code: '  ola_Summer-10 ', discount: { amount: '12.50', currency: 'pln' } }).expect(201);
    expect(res.body).toMatchObject({ code: 'OLA_SUMMER-10', campaign: null, discount: { amount: '12.50', currency: 'PLN' } });
  });

  it('refuses a code someone holds, in any case: 409 code_exists naming the holder', async () => {
    await addCode({ code: 'TAKEN-1' }).expect(201);
    const res = await addCode({ code: 'taken-1' }, lib.bart.id).expect(409);
    expect(res.body.error).toMatchObject({ code: 'code_exists', details: { creatorId: lib.ola.id } });
    await addCode({ code: 'Taken-1' }).expect(409); // the holder too
  });

  it.each([
    ['too short', 'AB'],
    ['too long', 'A'.repeat(33)],
    ['with a space', 'OLA 10'],
    ['with other punctuation', 'OLA!10'],
    ['with a letter outside A–Z', 'ŁÓDŹ10'],
    ['with ß (upper-cased to SS)', 'straße'],
    ['empty', ''],
    ['a number', 12345],
  ])('refuses a code %s: 422 invalid_code', async (_what, code) => {
    const res = await addCode({ code }).expect(422);
    expect(res.body.error.code).toBe('invalid_code');
  });

  it('accepts codes of exactly 3 and 32 characters', async () => {
    await addCode({ code: 'x_1' }).expect(201);
    await addCode({ code: 'B'.repeat(32) }).expect(201);
  });

  it.each([
    ['percent 0', { percent: 0 }],
    ['percent over 100', { percent: 101 }],
    ['a fraction of a percent', { percent: 12.5 }],
    ['percent as text', { percent: '10' }],
    ['an amount of nothing', { amount: '0', currency: 'PLN' }],
    ['a negative amount', { amount: '-5', currency: 'PLN' }],
    ['more decimals than the currency has', { amount: '12.505', currency: 'PLN' }],
    ['decimals in yen', { amount: '100.5', currency: 'JPY' }],
    ['an unknown currency', { amount: '10', currency: 'ZZZ' }],
    ['an amount without currency', { amount: '10' }],
    ['both shapes at once', { percent: 10, amount: '10', currency: 'PLN' }],
    ['another key', { percent: 10, note: 'x' }],
    ['no shape', {}],
    ['a number', 10],
  ])('refuses a discount that is %s: 422 invalid_discount', async (_what, discount) => {
    const res = await addCode({ discount }).expect(422);
    expect(res.body.error.code).toBe('invalid_discount');
  });

  it.each([
    ['over 200 characters', 'x'.repeat(201)],
    ['invisible', '\u200b'],
    ['blank', '   '],
  ])('refuses a campaign %s: 422 invalid_campaign', async (_what, campaign) => {
    const res = await addCode({ campaign }).expect(422);
    expect(res.body.error.code).toBe('invalid_campaign');
  });

  it('answers 404 creator_not_found for an unknown creator', async () => {
    const res = await addCode({}, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(res.body.error.code).toBe('creator_not_found');
  });

  it('lets content_manager, performance and admin add codes, not viewer', async () => {
    await addCode({}, lib.ola.id, lib.keys.performance).expect(201);
    await addCode({}, lib.ola.id, lib.keys.admin).expect(201);
    await addCode({}, lib.ola.id, lib.keys.viewer).expect(403);
  });

  it('audits the code added, without the creator’s handle', async () => {
    const code = (await addCode({ code: 'AUDIT-ME', campaign: 'Audyt' }).expect(201)).body;
    const entries = await lib.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'creator_code'), eq(auditLog.entityId, code.id)));
    expect(entries).toEqual([expect.objectContaining({ action: 'creator_code.create', before: null })]);
    const { creatorHandle: _handle, ...audited } = code;
    expect(entries[0]!.after).toEqual(audited);
  });
});

describe('POST /api/v1/creators/:id/codes/:codeId/deactivate', () => {
  it('deactivates once, audits once, and keeps the code listed', async () => {
    const code = (await addCode({ code: 'STOP-ME' }).expect(201)).body;
    const first = await deactivate(code.id).expect(200);
    expect(first.body).toMatchObject({ id: code.id, code: 'STOP-ME', active: false, deactivatedAt: expect.any(String) });
    const again = await deactivate(code.id, lib.ola.id, lib.keys.contentManager).expect(200);
    expect(again.body).toEqual(first.body);
    const entries = await lib.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'creator_code'), eq(auditLog.entityId, code.id)))
      .orderBy(asc(auditLog.at));
    expect(entries.map((e) => e.action)).toEqual(['creator_code.create', 'creator_code.deactivate']);
    expect(entries[1]).toMatchObject({ before: { active: true, deactivatedAt: null }, after: { active: false } });
    const listed = await as(lib.keys.viewer, request(lib.app).get(`/api/v1/creators/${lib.ola.id}/codes?limit=500`)).expect(200);
    expect(listed.body.items).toContainEqual(first.body);
    await addCode({ code: 'stop-me' }, lib.bart.id).expect(409); // a deactivated code is still taken
  });

  it('answers 404 for another creator’s code or an unknown one', async () => {
    const code = (await addCode({ code: 'NOT-BARTS' }).expect(201)).body;
    expect((await deactivate(code.id, lib.bart.id).expect(404)).body.error.code).toBe('creator_code_not_found');
    await deactivate('00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('is refused to viewer', async () => {
    const code = (await addCode({ code: 'VIEW-ONLY' }).expect(201)).body;
    await deactivate(code.id, lib.ola.id, lib.keys.viewer).expect(403);
  });
});

describe('GET /api/v1/creators/:id/codes', () => {
  it('lists one creator’s codes, newest first, to every role', async () => {
    const res = await as(lib.keys.viewer, request(lib.app).get(`/api/v1/creators/${lib.bart.id}/codes`)).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((c: { creatorId: string }) => c.creatorId === lib.bart.id)).toBe(true);
    const times = res.body.items.map((c: { createdAt: string }) => c.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('answers 404 for an unknown creator', async () => {
    await as(lib.keys.viewer, request(lib.app).get('/api/v1/creators/00000000-0000-4000-8000-000000000000/codes')).expect(404);
  });
});

describe('GET /api/v1/creator-codes', () => {
  let zed: Creator;
  beforeAll(async () => {
    zed = await addCreator(lib.services.database.db, 'zed.lists');
    await addCode({ code: 'ZED-A', campaign: 'Zima' }, zed.id).expect(201);
    await addCode({ code: 'ZED-B', campaign: 'Zima' }, zed.id).expect(201);
    const c = (await addCode({ code: 'ZED-C', campaign: 'Wiosna' }, zed.id).expect(201)).body;
    await deactivate(c.id, zed.id).expect(200);
  });

  it('finds codes by part of the handle or of the code, any case, each with its handle', async () => {
    const byHandle = (await listAll('q=ZED.LI').expect(200)).body.items;
    expect(codesOf(byHandle)).toEqual(['ZED-C', 'ZED-B', 'ZED-A']);
    expect(byHandle[0]).toMatchObject({ creatorId: zed.id, creatorHandle: 'zed.lists' });
    expect(codesOf((await listAll('q=zed-b').expect(200)).body.items)).toEqual(['ZED-B']);
    expect((await listAll('q=%25').expect(200)).body.items).toEqual([]); // a wildcard matches itself only
  });

  it('filters by campaign and by state', async () => {
    expect(codesOf((await listAll('q=zed&campaign=Zima').expect(200)).body.items)).toEqual(['ZED-B', 'ZED-A']);
    expect(codesOf((await listAll('q=zed&active=false').expect(200)).body.items)).toEqual(['ZED-C']);
    expect(codesOf((await listAll('q=zed&active=true').expect(200)).body.items)).toEqual(['ZED-B', 'ZED-A']);
    expect((await listAll('active=maybe').expect(400)).body.error.code).toBe('invalid_active');
  });

  it('pages with nextCursor until the last page', async () => {
    const first = (await listAll('q=zed&limit=2').expect(200)).body;
    expect(codesOf(first.items)).toEqual(['ZED-C', 'ZED-B']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await listAll(`q=zed&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ code: 'ZED-A' })], nextCursor: null });
    expect((await listAll('cursor=nonsense').expect(400)).body.error.code).toBe('invalid_cursor');
  });

  it('is open to every role, and only to callers with a key', async () => {
    for (const key of Object.values(lib.keys)) await listAll('q=zed', key).expect(200);
    await request(lib.app).get('/api/v1/creator-codes').expect(401);
  });
});

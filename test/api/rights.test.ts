import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import type { Db } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator, insertLicense } from '../core/licensing/fixtures';

let services: Services;
let app: Express;
let db: Db;
let managerKey: string;
let viewerKey: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  db = services.database.db;
  managerKey = (await createApiKey(db, 'manager', 'content_manager')).key;
  viewerKey = (await createApiKey(db, 'viewer', 'viewer')).key;
});
afterAll(() => services.close());

const START = '2025-01-01T00:00:00.000Z';
const END = '2025-07-01T00:00:00.000Z';
const shift = (time: string, ms: number) => new Date(Date.parse(time) + ms).toISOString();

const rights = (assetId: string, query: Record<string, string>, key = viewerKey) =>
  request(app).get(`/api/v1/assets/${assetId}/rights`).query(query).set('Authorization', `Bearer ${key}`);

/** An asset with one license for paid_social in PL during the first half of 2025, originals only. */
async function licensedAsset(overrides: Parameters<typeof insertLicense>[1] = {}) {
  const creator = await insertCreator(db);
  const asset = await insertAsset(db, creator);
  const license = await insertLicense(db, { assetIds: [asset], startsAt: new Date(START), endsAt: new Date(END), ...overrides });
  return { creator, asset, license };
}

describe('GET /api/v1/assets/:id/rights', () => {
  it('allowed inside the terms, naming the covering license', async () => {
    const { asset, license } = await licensedAsset();
    const res = await rights(asset, { channel: 'paid_social', territory: 'pl', at: '2025-03-01T12:00:00+02:00' }).expect(200);
    expect(res.body).toEqual({ allowed: true, licenseId: license, reasons: [] });
  });

  it.each([
    ['1 ms before the start', shift(START, -1), false, ['not_started']],
    ['the exact start', START, true, []],
    ['1 ms before the end', shift(END, -1), true, []],
    ['the exact end', END, false, ['expired']],
    ['the exact end, written with another offset', '2025-07-01T02:00:00+02:00', false, ['expired']],
  ])('%s (%s) → allowed: %s', async (_name, at, allowed, reasons) => {
    const { asset } = await licensedAsset();
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at }).expect(200)).body).toMatchObject({ allowed, reasons });
  });

  // START and END are midnight UTC, 01:00 and 02:00 in Warsaw (the default BRAND_TIME_ZONE).
  it.each([
    ['the day the license starts, which it covers only from 01:00 there', '2025-01-01', false, ['not_started']],
    ['the day after', '2025-01-02', true, []],
    ['its last whole day', '2025-06-30', true, []],
    ['the day it ends, at 02:00 there', '2025-07-01', false, ['expired']],
  ])('a calendar day is the whole day in the license time zone: %s (%s) → allowed: %s', async (_name, at, allowed, reasons) => {
    const { asset } = await licensedAsset();
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at }).expect(200)).body).toMatchObject({ allowed, reasons });
  });

  it('every reason at once, in the contract’s order', async () => {
    const { asset } = await licensedAsset();
    const res = await rights(asset, { channel: 'ooh', territory: 'FR', at: END, derivative: 'true' }).expect(200);
    expect(res.body).toEqual({
      allowed: false,
      licenseId: null,
      reasons: ['expired', 'channel_not_granted', 'territory_not_granted', 'derivatives_not_allowed'],
    });
  });

  it('a creator-wide worldwide license covers every country but its exclusions', async () => {
    const creator = await insertCreator(db);
    const asset = await insertAsset(db, creator);
    const license = await insertLicense(db, {
      creatorId: creator,
      territories: ['WW'],
      excludedTerritories: ['US'],
      startsAt: new Date(START),
      endsAt: null,
      derivativesAllowed: true,
    });
    const at = '2031-01-01T00:00:00Z';
    expect((await rights(asset, { channel: 'paid_social', territory: 'JP', at, derivative: 'true' }).expect(200)).body).toEqual({
      allowed: true,
      licenseId: license,
      reasons: [],
    });
    expect((await rights(asset, { channel: 'paid_social', territory: 'US', at }).expect(200)).body).toEqual({
      allowed: false,
      licenseId: null,
      reasons: ['territory_not_granted'],
    });
  });

  it('at defaults to now: a license that ended a moment ago no longer covers', async () => {
    const { asset } = await licensedAsset({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() - 1) });
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL' }).expect(200)).body.reasons).toEqual(['expired']);
  });

  it('a revoked license stops covering at once', async () => {
    const { asset, license } = await licensedAsset({ endsAt: null });
    const at = '2030-01-01T00:00:00Z';
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at }).expect(200)).body.allowed).toBe(true);
    await request(app).post(`/api/v1/licenses/${license}/revoke`).set('Authorization', `Bearer ${managerKey}`).send({}).expect(200);
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at }).expect(200)).body).toEqual({
      allowed: false,
      licenseId: null,
      reasons: ['revoked'],
    });
  });

  it('derivative uses need derivativesAllowed', async () => {
    const { asset } = await licensedAsset();
    const at = '2025-03-01T00:00:00Z';
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at, derivative: 'true' }).expect(200)).body.reasons).toEqual([
      'derivatives_not_allowed',
    ]);
    expect((await rights(asset, { channel: 'paid_social', territory: 'PL', at, derivative: 'false' }).expect(200)).body.allowed).toBe(true);
  });

  it('an asset without licenses → no_license', async () => {
    const asset = await insertAsset(db, await insertCreator(db));
    expect((await rights(asset, { channel: 'email', territory: 'DE' }).expect(200)).body).toEqual({ allowed: false, licenseId: null, reasons: ['no_license'] });
  });

  it.each([
    ['an unknown channel', { channel: 'tv', territory: 'PL' }, 'invalid_channel'],
    ['no channel', { territory: 'PL' }, 'invalid_channel'],
    ['an unknown country', { channel: 'email', territory: 'XX' }, 'invalid_territory'],
    ['no territory', { channel: 'email' }, 'invalid_territory'],
    ['an instant that is not ISO 8601', { channel: 'email', territory: 'PL', at: 'yesterday' }, 'invalid_at'],
    ['an instant without offset', { channel: 'email', territory: 'PL', at: '2025-01-01T00:00:00' }, 'invalid_at'],
    ['a day that does not exist', { channel: 'email', territory: 'PL', at: '2025-02-30' }, 'invalid_at'],
    ['derivative that is not true or false', { channel: 'email', territory: 'PL', derivative: 'yes' }, 'invalid_derivative'],
  ])('%s → 400 with a code naming the field', async (_name, query, code) => {
    const asset = await insertAsset(db, await insertCreator(db));
    expect((await rights(asset, query).expect(400)).body.error.code).toBe(code);
  });

  it('unknown asset → 404 asset_not_found; malformed id → 400; no key → 401', async () => {
    const query = { channel: 'email', territory: 'PL' };
    expect((await rights('00000000-0000-4000-8000-000000000000', query).expect(404)).body.error.code).toBe('asset_not_found');
    expect((await rights('not-an-id', query).expect(400)).body.error.code).toBe('invalid_id');
    await request(app).get('/api/v1/assets/00000000-0000-4000-8000-000000000000/rights').query(query).expect(401);
  });
});

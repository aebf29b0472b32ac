import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { updateAsset } from '../../core/assets/asset-store';
import type { Services } from '../../core/runtime/services';
import { addAsset, addLicense } from '../core/ads/rights-fixtures';
import { insertAsset, insertCreator } from '../core/licensing/fixtures';
import { openTestServices } from '../helpers/test-services';

/**
 * Inputs as people type them into the API: calendar days for license dates (in the license
 * time zone, Europe/Warsaw by default), numbers as strings, and errors that name everything
 * wrong and what they conflict with.
 */
let services: Services;
let app: Express;
let managerKey: string;
let creator: string;
let asset: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  managerKey = (await createApiKey(db, 'Maria (content)', 'content_manager')).key;
  creator = await insertCreator(db);
  asset = await insertAsset(db, creator);
});
afterAll(() => services.close());

const api = (method: 'get' | 'post' | 'patch', url: string) => request(app)[method](url).set('Authorization', `Bearer ${managerKey}`);
const terms = (change: Record<string, unknown> = {}) => ({
  assetIds: [asset],
  territories: ['PL'],
  channels: ['paid_social'],
  startsAt: '2026-12-07',
  endsAt: '2027-06-30',
  derivativesAllowed: true,
  ...change,
});

describe('license dates as calendar days', () => {
  it('a start day begins at 00:00 and an end day ends at 24:00 in Europe/Warsaw (winter +01:00, summer +02:00)', async () => {
    const res = await api('post', '/api/v1/licenses').send(terms()).expect(201);
    expect(res.body).toMatchObject({ startsAt: '2026-12-06T23:00:00.000Z', endsAt: '2027-06-30T22:00:00.000Z' });
  });

  it('exact instants still mean what they say, and may be mixed with days', async () => {
    const res = await api('post', '/api/v1/licenses')
      .send(terms({ startsAt: '2026-12-07T09:30:00+01:00', endsAt: '2026-12-31' }))
      .expect(201);
    expect(res.body).toMatchObject({ startsAt: '2026-12-07T08:30:00.000Z', endsAt: '2026-12-31T23:00:00.000Z' });
  });

  it('the same day as start and end is that one whole day', async () => {
    const res = await api('post', '/api/v1/licenses')
      .send(terms({ startsAt: '2026-12-24', endsAt: '2026-12-24' }))
      .expect(201);
    expect(new Date(res.body.endsAt).getTime() - new Date(res.body.startsAt).getTime()).toBe(24 * 3600_000);
  });

  it('a patch takes days too, and the exclusivity end is a day’s end', async () => {
    const { id } = (await api('post', '/api/v1/licenses').send(terms()).expect(201)).body;
    const res = await api('patch', `/api/v1/licenses/${id}`)
      .send({ endsAt: '2027-12-31', exclusivity: { scope: 'all', until: '2027-03-31' } })
      .expect(200);
    expect(res.body).toMatchObject({ startsAt: '2026-12-06T23:00:00.000Z', endsAt: '2027-12-31T23:00:00.000Z' });
    expect(res.body.exclusivity).toMatchObject({ scope: 'all', until: '2027-03-31T22:00:00.000Z' }); // 1 April 00:00 CEST
  });

  it.each([
    ['a day that does not exist', { startsAt: '2026-02-30' }, 'invalid_starts_at'],
    ['a day written another way', { endsAt: '30.06.2027' }, 'invalid_ends_at'],
    ['a time without an offset', { startsAt: '2026-12-07T09:00:00' }, 'invalid_starts_at'],
    ['an end day before the start day', { startsAt: '2027-01-02', endsAt: '2027-01-01' }, 'invalid_ends_at'],
  ])('%s is refused with 422 naming the field', async (_name, change, code) => {
    const res = await api('post', '/api/v1/licenses').send(terms(change)).expect(422);
    expect(res.body.error.code).toBe(code);
  });

  it('a rights request (and a renewal, the same body) takes days for its terms and its expiry', async () => {
    const tomorrow = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const res = await api('post', '/api/v1/rights-requests')
      .send({
        creatorId: creator,
        assetIds: [asset],
        language: 'en',
        terms: { territories: ['PL'], channels: ['paid_social'], startsAt: '2026-12-07', endsAt: '2027-06-30', derivativesAllowed: false },
        expiresAt: tomorrow,
      })
      .expect(201);
    expect(res.body.terms).toMatchObject({ startsAt: '2026-12-06T23:00:00.000Z', endsAt: '2027-06-30T22:00:00.000Z' });
    // The link works to the end of that day in Warsaw: 22:00 or 23:00 UTC.
    expect(res.body.expiresAt).toMatch(new RegExp(`^${tomorrow}T2[23]:00:00.000Z$`));
  });

  it('a rights request whose end day is before its start day is refused on the term', async () => {
    const res = await api('post', '/api/v1/rights-requests')
      .send({
        creatorId: creator,
        language: 'en',
        terms: { territories: ['PL'], channels: ['paid_social'], startsAt: '2027-01-02', endsAt: '2027-01-01', derivativesAllowed: false },
      })
      .expect(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_terms', message: expect.stringMatching(/^terms\.endsAt/) });
  });
});

describe('link expiries as calendar days', () => {
  const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600_000).toISOString().slice(0, 10);
  /** The end of that day in Warsaw, in UTC: 22:00 (summer) or 23:00 (winter) of the same date. */
  const endOfWarsawDay = (day: string) => new RegExp(`^${day}T2[23]:00:00.000Z$`);

  it('a resent request link works to the end of the day given', async () => {
    const asked = await api('post', '/api/v1/rights-requests')
      .send({
        creatorId: creator,
        language: 'en',
        terms: { territories: ['PL'], channels: ['paid_social'], startsAt: '2026-12-07', endsAt: null, derivativesAllowed: false },
      })
      .expect(201);
    const res = await api('post', `/api/v1/rights-requests/${asked.body.id}/resend`)
      .send({ expiresAt: inDays(10) })
      .expect(200);
    expect(res.body.expiresAt).toMatch(endOfWarsawDay(inDays(10)));
    const tooLate = await api('post', `/api/v1/rights-requests/${asked.body.id}/resend`)
      .send({ expiresAt: inDays(400) })
      .expect(422);
    expect(tooLate.body.error.code).toBe('invalid_expires_at');
  });

  it('a creator page link works to the end of the day given', async () => {
    const res = await api('post', `/api/v1/creators/${creator}/page-link`)
      .send({ expiresAt: inDays(7) })
      .expect(201);
    expect(res.body.expiresAt).toMatch(endOfWarsawDay(inDays(7)));
  });
});

describe('fee.amount', () => {
  it('goes in as a decimal string or a number and always comes back as a string', async () => {
    const asNumber = await api('post', '/api/v1/licenses')
      .send(terms({ fee: { amount: 1500.5, currency: 'PLN' } }))
      .expect(201);
    const asString = await api('post', '/api/v1/licenses')
      .send(terms({ fee: { amount: '1500.50', currency: 'PLN' } }))
      .expect(201);
    expect(typeof asNumber.body.fee.amount).toBe('string');
    expect(Number(asNumber.body.fee.amount)).toBe(1500.5);
    expect(asString.body.fee).toEqual({ amount: expect.any(String), currency: 'PLN' });
    expect(Number(asString.body.fee.amount)).toBe(1500.5);
  });

  it('refuses words or too many decimals with 422 invalid_fee', async () => {
    for (const amount of ['fifteen', '1500.505', -1]) {
      const res = await api('post', '/api/v1/licenses')
        .send(terms({ fee: { amount, currency: 'PLN' } }))
        .expect(422);
      expect(res.body.error.code).toBe('invalid_fee');
    }
  });
});

describe('creators', () => {
  it('a duplicate says which creator exists: 409 creator_exists with details.creatorId', async () => {
    const first = await api('post', '/api/v1/creators').send({ handle: 'dup_anna', platform: 'tiktok', followers: 10 }).expect(201);
    const res = await api('post', '/api/v1/creators').send({ handle: 'dup_anna', platform: 'tiktok', followers: 10 }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'creator_exists', details: { creatorId: first.body.id } });
    expect(res.body.error.message).toContain(first.body.id);
  });

  it('followers and engagementRate may be typed as strings', async () => {
    const res = await api('post', '/api/v1/creators')
      .send({ handle: 'typed_bob', platform: 'tiktok', followers: '12000', engagementRate: '0.034' })
      .expect(201);
    expect(res.body).toMatchObject({ followers: 12000, engagementRate: 0.034, tier: 'micro' });
  });

  it.each([['12k'], ['1e4'], [''], ['-5']])('followers %p is refused with 422 invalid_followers', async (followers) => {
    const res = await api('post', '/api/v1/creators').send({ handle: 'typed_carol', platform: 'tiktok', followers }).expect(422);
    expect(res.body.error.code).toBe('invalid_followers');
  });
});

describe('ad cuts', () => {
  /** A ready 4 s video licensed for edits in paid social (rows only: refusals never reach the bytes). */
  async function fourSecondVideo(): Promise<string> {
    const db = services.database.db;
    const video = await addAsset(db, services.storage, { creatorId: creator });
    await updateAsset(db, video.id, { durationS: 4 });
    await addLicense(db, { assetIds: [video.id] });
    return video.id;
  }

  it('cut_too_long names every cut too long for the source, in the details and the message', async () => {
    const id = await fourSecondVideo();
    const res = await api('post', `/api/v1/assets/${id}/cuts`)
      .send({
        cuts: [
          { aspect: '1:1', durationS: 5 },
          { aspect: '9:16', durationS: 2 },
          { aspect: '4:5', durationS: 2, startS: 3 },
        ],
      })
      .expect(422);
    expect(res.body.error).toMatchObject({
      code: 'cut_too_long',
      details: {
        index: 0,
        indexes: [0, 2],
        cuts: [
          { index: 0, startS: 0, durationS: 5 },
          { index: 2, startS: 3, durationS: 2 },
        ],
      },
    });
    expect(res.body.error.message).toMatch(/Cut 1 asks for 5 s, cut 3 asks for 2 s from 3 s, but the source is 4\.00 s long/);
  });

  it('durationS and startS may be typed as strings; words are refused with 422 invalid_cuts', async () => {
    const id = await fourSecondVideo();
    const tooLong = await api('post', `/api/v1/assets/${id}/cuts`)
      .send({ cuts: [{ aspect: '1:1', durationS: '3', startS: '2' }] })
      .expect(422);
    expect(tooLong.body.error).toMatchObject({ code: 'cut_too_long', details: { indexes: [0] } });
    const words = await api('post', `/api/v1/assets/${id}/cuts`)
      .send({ cuts: [{ aspect: '1:1', durationS: '3 s' }] })
      .expect(422);
    expect(words.body.error.code).toBe('invalid_cuts');
  });
});

import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { createApiKey } from '../../core/access/api-key-store';
import { trackingLinkClicks, type Rendition } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { addAsset, addCreator, addCut, addLicense } from '../core/ads/rights-fixtures';
import { openTestServices } from '../helpers/test-services';

/** A person's browser: supertest's own user agent (node-superagent) is, rightly, a bot. */
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const HANDLE = 'anna.makes';

interface Library {
  services: Services;
  app: Express;
  keys: { performance: string; contentManager: string; viewer: string; admin: string };
  cut: Rendition;
  unlicensedCut: Rendition;
}

/** A library with one creator, a licensed cut (paid_social, worldwide) and an unlicensed one, and a key per role. */
async function openLibrary(env: Record<string, string> = {}): Promise<Library> {
  const services = await openTestServices(env);
  const { db } = services.database;
  const creator = await addCreator(db, HANDLE);
  const asset = await addAsset(db, services.storage, { creatorId: creator.id });
  const unlicensed = await addAsset(db, services.storage, { creatorId: creator.id });
  await addLicense(db, { assetIds: [asset.id] });
  return {
    services,
    app: createApp(services),
    keys: {
      admin: (await ensureAdminKey(services)).key!,
      performance: (await createApiKey(db, 'ads team', 'performance')).key,
      contentManager: (await createApiKey(db, 'content team', 'content_manager')).key,
      viewer: (await createApiKey(db, 'auditor', 'viewer')).key,
    },
    cut: await addCut(db, services.storage, asset.id),
    unlicensedCut: await addCut(db, services.storage, unlicensed.id),
  };
}

let lib: Library;
beforeAll(async () => {
  lib = await openLibrary();
});
afterAll(() => lib.services.close());

const as = (key: string, req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const pull = (body: Record<string, unknown>, cutId = lib.cut.id, app = lib.app, key = lib.keys.performance) =>
  as(key, request(app).post(`/api/v1/ads/${cutId}/pull`)).send({ channel: 'paid_social', territory: 'PL', ...body });
const codeOf = (trackingLink: string) => new URL(trackingLink).pathname.slice('/t/'.length);
const follow = (code: string) => request(lib.app).get(`/t/${code}`).set({ 'User-Agent': BROWSER, Accept: BROWSER_ACCEPT, 'Accept-Language': 'en-GB,en;q=0.9' });
const clicksOf = async (id: string, key = lib.keys.viewer): Promise<number> => {
  const res = await as(key, request(lib.app).get(`/api/v1/tracking-links?cutId=${lib.cut.id}&limit=500`)).expect(200);
  return (res.body.items as Array<{ id: string; clicks: number }>).find((l) => l.id === id)!.clicks;
};

describe('POST /api/v1/ads/:cutId/pull with a landingUrl', () => {
  it('answers the landing URL with UTM tags and an unguessable tracking link', async () => {
    const landingUrl = 'https://shop.example.com/linen?color=sand&utm_source=newsletter&note=a%20b&utm_medium=x#sizes';
    const res = await pull({ campaign: 'Summer linen', platform: 'Meta', landingUrl }).expect(200);
    expect(res.body.trackedUrl).toBe(
      `https://shop.example.com/linen?color=sand&note=a%20b&utm_source=meta&utm_medium=paid_social&utm_campaign=Summer+linen&utm_content=${lib.cut.id}&utm_term=${HANDLE}#sizes`,
    );
    expect(res.body.trackingLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{22}$/);
    expect(res.body.trackingLinkId).toEqual(expect.any(String));
    expect(res.body.usageId).toEqual(expect.any(String));
  });

  it('uses the channel as utm_source without a platform, and leaves out utm_campaign without a campaign', async () => {
    const res = await pull({ channel: 'paid_video', landingUrl: 'https://shop.example.com/' }).expect(200);
    const tags = Object.fromEntries(new URL(res.body.trackedUrl).searchParams);
    expect(tags).toEqual({ utm_source: 'paid_video', utm_medium: 'paid_video', utm_content: lib.cut.id, utm_term: HANDLE });
  });

  it('answers the same link for the same pull, and another for another campaign', async () => {
    const body = { campaign: 'Repeat me', landingUrl: 'https://shop.example.com/repeat' };
    const first = await pull(body).expect(200);
    const again = await pull(body).expect(200);
    expect(again.body.usageId).not.toBe(first.body.usageId); // each pull is still in the ledger
    // The code, not the whole link: supertest reaches the app at a new port each time, and the link's base is where it was reached.
    expect([again.body.trackingLinkId, codeOf(again.body.trackingLink), again.body.trackedUrl]).toEqual([
      first.body.trackingLinkId,
      codeOf(first.body.trackingLink),
      first.body.trackedUrl,
    ]);
    const other = await pull({ ...body, campaign: 'Another one' }).expect(200);
    expect(other.body.trackingLinkId).not.toBe(first.body.trackingLinkId);
    expect(codeOf(other.body.trackingLink)).not.toBe(codeOf(first.body.trackingLink));
  });

  it('answers no link without a landingUrl', async () => {
    const res = await pull({}).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'license', 'url', 'usageId']);
  });

  it('makes no link for a refused pull', async () => {
    const res = await pull({ landingUrl: 'https://shop.example.com/refused' }, lib.unlicensedCut.id).expect(403);
    expect(res.body.error.code).toBe('no_license');
    const links = await as(lib.keys.viewer, request(lib.app).get(`/api/v1/tracking-links?cutId=${lib.unlicensedCut.id}`)).expect(200);
    expect(links.body.items).toEqual([]);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials', 'https://user:secret@shop.example.com/'],
    ['a user name alone', 'https://user@shop.example.com/'],
    ['over 2,000 characters', `https://shop.example.com/${'a'.repeat(2000)}`],
    ['relative', '/linen-shirt'],
    ['another scheme', 'ftp://shop.example.com/file'],
    ['not a URL', 'shop dot example'],
    ['a tab in the scheme', 'java\tscript:alert(1)'],
    ['empty', ''],
  ])('refuses a landing URL that is %s: 422 invalid_landing_url', async (_what, landingUrl) => {
    const res = await pull({ landingUrl }).expect(422);
    expect(res.body.error.code).toBe('invalid_landing_url');
  });

  it('refuses a platform that is not a short name: 422 invalid_platform', async () => {
    const res = await pull({ landingUrl: 'https://shop.example.com/', platform: 'meta ads!' }).expect(422);
    expect(res.body.error.code).toBe('invalid_platform');
  });
});

describe('GET /t/:code', () => {
  let link: { id: string; code: string; trackedUrl: string };
  beforeAll(async () => {
    const res = await pull({ campaign: 'Clicks', landingUrl: 'https://shop.example.com/clicks?ref=ad' }).expect(200);
    link = { id: res.body.trackingLinkId, code: codeOf(res.body.trackingLink), trackedUrl: res.body.trackedUrl };
  });

  it('redirects (302) to the tracked URL and counts the click for the day', async () => {
    const res = await follow(link.code).expect(302);
    expect(res.headers.location).toBe(link.trackedUrl);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await clicksOf(link.id)).toBe(1);
    await follow(link.code).expect(302);
    expect(await clicksOf(link.id)).toBe(2);
    const days = await lib.services.database.db.select().from(trackingLinkClicks).where(eq(trackingLinkClicks.linkId, link.id));
    expect(days).toEqual([{ linkId: link.id, day: new Date().toISOString().slice(0, 10), clicks: 2 }]);
  });

  it('answers HEAD, bots and prefetches without counting them', async () => {
    const before = await clicksOf(link.id);
    const head = await request(lib.app).head(`/t/${link.code}`).set('User-Agent', BROWSER).expect(302);
    expect(head.headers.location).toBe(link.trackedUrl);
    for (const agent of ['Googlebot/2.1 (+http://www.google.com/bot.html)', 'facebookexternalhit/1.1', 'curl/8.5.0']) {
      expect((await request(lib.app).get(`/t/${link.code}`).set('User-Agent', agent).expect(302)).headers.location).toBe(link.trackedUrl);
    }
    await request(lib.app).get(`/t/${link.code}`).expect(302); // supertest's own agent, an HTTP library
    await follow(link.code).set('Sec-Purpose', 'prefetch;prerender').expect(302);
    await follow(link.code).set('Purpose', 'prefetch').expect(302);
    expect(await clicksOf(link.id)).toBe(before);
  });

  it('is rate-limited like the other public routes', async () => {
    const res = await follow(link.code).expect(302);
    expect(res.headers['ratelimit-policy']).toEqual(expect.any(String));
  });

  it('answers an unknown code with a 404 page, never a redirect', async () => {
    for (const code of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', link.code.slice(0, -1)]) {
      const res = await follow(code).expect(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('This link does not exist');
    }
    const program = await request(lib.app).get('/t/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(program.body.error.code).toBe('tracking_link_not_found'); // no Accept: the API's JSON error
  });
});

describe('tracking links: list and disable', () => {
  let link: { id: string; code: string };
  const pullBody = { campaign: 'To disable', landingUrl: 'https://shop.example.com/disable' };
  beforeAll(async () => {
    const res = await pull(pullBody).expect(200);
    link = { id: res.body.trackingLinkId, code: codeOf(res.body.trackingLink) };
  });

  it('lists links by cut and campaign with their clicks', async () => {
    const res = await as(lib.keys.contentManager, request(lib.app).get(`/api/v1/tracking-links?campaign=${encodeURIComponent('To disable')}`)).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: link.id,
        code: link.code,
        landingUrl: 'https://shop.example.com/disable',
        cutId: lib.cut.id,
        channel: 'paid_social',
        territory: 'PL',
        campaign: 'To disable',
        platform: null,
        clicks: 0,
        disabledAt: null,
      }),
    ]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages with a cursor', async () => {
    const first = await as(lib.keys.viewer, request(lib.app).get(`/api/v1/tracking-links?cutId=${lib.cut.id}&limit=2`)).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await as(lib.keys.viewer, request(lib.app).get(`/api/v1/tracking-links?cutId=${lib.cut.id}&limit=2&cursor=${first.body.nextCursor}`)).expect(
      200,
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
  });

  it('lets only performance and content managers (and admins) disable a link', async () => {
    const res = await as(lib.keys.viewer, request(lib.app).post(`/api/v1/tracking-links/${link.id}/disable`)).expect(403);
    expect(res.body.error.code).toBe('forbidden_role');
    const denied = await as(lib.keys.contentManager, request(lib.app).post(`/api/v1/ads/${lib.cut.id}/pull`))
      .send({ channel: 'paid_social', territory: 'PL', landingUrl: 'https://shop.example.com/' })
      .expect(403);
    expect(denied.body.error.code).toBe('forbidden_role'); // pulling stays the performance team's
    expect((await request(lib.app).get('/api/v1/tracking-links').expect(401)).body.error.code).toBe('missing_api_key');
  });

  it('disables a link: 410 page from then on, the same pull makes a new link', async () => {
    const res = await as(lib.keys.contentManager, request(lib.app).post(`/api/v1/tracking-links/${link.id}/disable`)).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ id: link.id, disabledAt: expect.any(String) }));
    const again = await as(lib.keys.performance, request(lib.app).post(`/api/v1/tracking-links/${link.id}/disable`)).expect(200);
    expect(again.body.disabledAt).toBe(res.body.disabledAt);

    const page = await follow(link.code).expect(410);
    expect(page.headers.location).toBeUndefined();
    expect(page.text).toContain('This link is no longer active');
    const polish = await follow(link.code).set('Accept-Language', 'pl-PL,pl;q=0.9').expect(410);
    expect(polish.text).toContain('Ten link nie jest już aktywny');
    const program = await request(lib.app).get(`/t/${link.code}`).set('Accept', 'application/json').expect(410);
    expect(program.body.error.code).toBe('tracking_link_disabled');

    const renewed = await pull(pullBody).expect(200);
    expect(renewed.body.trackingLinkId).not.toBe(link.id);
    await follow(codeOf(renewed.body.trackingLink)).expect(302);
  });

  it('answers 404 tracking_link_not_found for an unknown id', async () => {
    const res = await as(lib.keys.admin, request(lib.app).post('/api/v1/tracking-links/00000000-0000-4000-8000-000000000000/disable')).expect(404);
    expect(res.body.error.code).toBe('tracking_link_not_found');
  });
});

describe('TRACKING_UTM_TEMPLATE and PUBLIC_BASE_URL', () => {
  let custom: Library;
  beforeAll(async () => {
    custom = await openLibrary({
      PUBLIC_BASE_URL: 'https://ugc.example.com/',
      TRACKING_UTM_TEMPLATE: JSON.stringify({ utm_medium: 'paid', utm_term: null, utm_campaign: '{campaign}-{territory}', ref: 'ugc-{creator}' }),
    });
  });
  afterAll(() => custom.services.close());

  it('tags the landing URL as the setting says, and makes links under PUBLIC_BASE_URL', async () => {
    const res = await pull({ campaign: 'winter', landingUrl: 'https://shop.example.com/coat' }, custom.cut.id, custom.app, custom.keys.performance).expect(200);
    expect(res.body.trackedUrl).toBe(
      `https://shop.example.com/coat?utm_source=paid_social&utm_medium=paid&utm_campaign=winter-PL&utm_content=${custom.cut.id}&ref=ugc-${HANDLE}`,
    );
    expect(res.body.trackingLink).toMatch(/^https:\/\/ugc\.example\.com\/t\/[A-Za-z0-9_-]{22}$/);
  });
});

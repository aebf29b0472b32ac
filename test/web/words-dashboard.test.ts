import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { makeImage, makeVideo } from '../helpers/media-fixtures';
import { settledJob } from '../helpers/settled-job';
import { describedBy, focused, openGroups } from './dashboard-helpers';
import { signedInPage, VIEWPORTS, type Lang, type Viewport } from './signed-in';

/**
 * Words a new user reads instead of codes, in real Chromium against a real instance, in English
 * and Polish, at desktop and phone width: the library badge says the day that matters
 * ("Expires in 5 days", "License starts …", "License revoked"); the rights sentence says
 * "until"; a cut refused because the license starts later says so with the date and a link to
 * that license, not a code and an id; a pull refused for e-mail says the license does not cover
 * e-mail; a cut's fit is in words. The upload screen preselects no creator, says so when none is
 * chosen, and adds one inline: a handle already there says which creator it is and offers it.
 * Screenshots: test-artifacts/screenshots/words-*.png.
 */
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let instance: TestInstance;
let dir: string;
let managerKey: string;
let creatorId: string;
let expiringId: string;
let refusedVideoId: string;
let cutVideoId: string;
let upcomingLicenseId: string;
/** Local midnight `days` from today: what the license editor stores for a first day. */
const midnightIn = (days: number) => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
};
const NEXT_MONTH = midnightIn(31);
/** Noon, five days on: not a midnight, so the sentence needs its "until". */
const FIVE_DAYS_NOON = new Date(midnightIn(5).getTime() + 12 * 60 * 60 * 1000);

async function license(assetId: string, terms: Record<string, unknown>): Promise<string> {
  const base = {
    assetIds: [assetId],
    territories: ['PL'],
    channels: ['product_page'],
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: null,
    derivativesAllowed: false,
  };
  return (await instance.api('POST', '/api/v1/licenses', { ...base, ...terms })).id;
}

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'words-'));
  managerKey = (await instance.api('POST', '/api/v1/keys', { name: 'Maria (content)', role: 'content_manager' })).key;
  creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'ola.sews', platform: 'instagram', followers: 12_000 })).id;
  const image = (name: string, colour: string) => makeImage(dir, `${name}.jpg`, { width: 400, height: 400, format: 'jpeg', colour });
  const [tote, scarf, bag] = await Promise.all([image('tote', '#c49a6c'), image('scarf', '#6c8ac4'), image('bag', '#8ac46c')]);
  expiringId = (await instance.upload(tote, { creatorId, title: 'Linen tote' })).id;
  const upcomingId = (await instance.upload(scarf, { creatorId, title: 'Wool scarf' })).id;
  const revokedId = (await instance.upload(bag, { creatorId, title: 'Cotton bag' })).id;
  await license(expiringId, { endsAt: FIVE_DAYS_NOON.toISOString() });
  await license(upcomingId, { startsAt: NEXT_MONTH.toISOString() });
  await instance.api('POST', `/api/v1/licenses/${await license(revokedId, {})}/revoke`, { reason: 'creator asked' });

  const clip = await makeVideo(dir, 'clip.mp4', { width: 320, height: 240, durationS: 3 });
  const clip2 = await makeVideo(dir, 'clip2.mp4', { width: 320, height: 240, durationS: 3, hue: 90 });
  const [refused, cut] = await Promise.all([
    instance.upload(clip, { creatorId, title: 'Unboxing later' }),
    instance.upload(clip2, { creatorId, title: 'Unboxing now' }),
  ]);
  refusedVideoId = refused.id;
  cutVideoId = cut.id;
  await Promise.all([settledJob(instance.services, refused.jobId, 40_000), settledJob(instance.services, cut.jobId, 40_000)]);
  upcomingLicenseId = await license(refusedVideoId, { channels: ['paid_social'], derivativesAllowed: true, startsAt: NEXT_MONTH.toISOString() });
  await license(cutVideoId, { channels: ['paid_social'], derivativesAllowed: true });
  const { jobId } = await instance.api('POST', `/api/v1/assets/${cutVideoId}/cuts`, { cuts: [{ aspect: '1:1', durationS: 2, fit: 'blur' }] });
  await settledJob(instance.services, jobId, 60_000);
  // A pull for e-mail, which the license does not grant: refused, and the ledger keeps it.
  const { items } = await instance.api('GET', `/api/v1/ads?channel=paid_social&territory=PL`);
  const cutId = items.find((i: { assetId: string }) => i.assetId === cutVideoId).cutId;
  const refusal = await fetch(`${instance.url}/api/v1/ads/${cutId}/pull`, {
    method: 'POST',
    headers: { authorization: `Bearer ${instance.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'email', territory: 'PL', campaign: 'newsletter' }),
  });
  expect(refusal.status).toBe(403);
  expect(((await refusal.json()) as { error: unknown }).error).toMatchObject({
    code: 'channel_not_granted',
    details: { channel: 'email', territory: 'PL', licenses: [{ reasons: ['channel_not_granted'] }] },
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A signed-in page in a language at a width. */
const open = (lang: Lang, viewport: Viewport): Promise<Page> => signedInPage(browser, { key: managerKey, lang, viewport: VIEWPORTS[viewport] });

const WORDS = {
  en: {
    expiring: 'Expires in 5 days',
    starts: (date: string) => `License starts ${date}`,
    revoked: 'License revoked',
    until: 'until',
    cutRefused: (date: string) => `The license starts on ${date}: until then it covers nothing.`,
    openLicense: 'Open this license',
    email: 'The license does not cover Email.',
    fit: 'blurred fill',
    makeCuts: /Make cuts/,
    openCutBuilder: 'Make new cuts',
    ledger: /^Usage ledger/,
    otherLength: 'Other length (s)',
    dateLocale: 'en-GB',
  },
  pl: {
    expiring: 'Wygasa za 5 dni',
    starts: (date: string) => `Licencja od ${date}`,
    revoked: 'Licencja unieważniona',
    until: 'do',
    cutRefused: (date: string) => `Licencja zaczyna obowiązywać ${date}: do tego dnia nic nie obejmuje.`,
    openLicense: 'Otwórz tę licencję',
    email: 'Licencja nie obejmuje kanału: E-mail.',
    fit: 'rozmyte tło',
    makeCuts: /Utwórz cięcia/,
    openCutBuilder: 'Utwórz nowe cięcia',
    ledger: /^Rejestr użyć/,
    otherLength: 'Inna długość (s)',
    dateLocale: 'pl-PL',
  },
} as const;

/** No snake_case code and no UUID on the page. */
async function expectNoRawCodes(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b(no_license|not_active|not_started|channel_not_granted|territory_not_granted|derivatives_not_allowed)\b/);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
}

describe.each([
  ['en', 'desktop'],
  ['pl', 'phone'],
  ['pl', 'desktop'],
  ['en', 'phone'],
] as const)('words instead of codes (%s, %s)', (lang, viewport) => {
  const words = WORDS[lang];
  const day = (date: Date) => new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'medium' }).format(date);
  let page: Page;
  beforeAll(async () => {
    page = await open(lang, viewport);
  });
  afterAll(async () => page?.context().close());

  it('the library badge says the day that matters, and tells not started and revoked from no license', async () => {
    await page.goto(`${instance.url}/`);
    const card = (title: string) => page.locator('.asset-card').filter({ hasText: title });
    await card('Linen tote').locator('.badge').filter({ hasText: words.expiring }).waitFor();
    await card('Wool scarf')
      .locator('.badge')
      .filter({ hasText: words.starts(day(NEXT_MONTH)) })
      .waitFor();
    await card('Cotton bag').locator('.badge').filter({ hasText: words.revoked }).waitFor();
    await saveScreenshot(page, `words-library-${lang}-${viewport}`);
  });

  it('the rights sentence says until when', async () => {
    await page.goto(`${instance.url}/assets/${expiringId}`);
    const sentence = page.locator('.rights-sentence');
    await sentence.waitFor();
    expect(await sentence.innerText()).toContain(
      `${words.until} ${new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(FIVE_DAYS_NOON)}`,
    );
    await expectNoRawCodes(page);
    await saveScreenshot(page, `words-rights-${lang}-${viewport}`);
  });

  it('a cut refused because the license starts later says when, and links that license', async () => {
    await page.goto(`${instance.url}/assets/${refusedVideoId}`);
    await page.getByRole('button', { name: words.openCutBuilder }).click();
    await page.getByLabel(words.otherLength).fill('2');
    await page.getByRole('button', { name: words.makeCuts }).click();
    const alert = page.getByRole('alert').filter({ hasText: words.cutRefused(day(NEXT_MONTH)) });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: words.openLicense }).getAttribute('href')).toBe(`/licenses/${upcomingLicenseId}`);
    await expectNoRawCodes(page);
    await saveScreenshot(page, `words-cut-refused-${lang}-${viewport}`);
  });

  it('a cut’s fit is in words of the language, and a pull refused for e-mail says e-mail', async () => {
    await page.goto(`${instance.url}/assets/${cutVideoId}`);
    await page.locator('#cuts-heading ~ * summary').first().waitFor();
    await openGroups(page.locator('section').filter({ has: page.locator('#cuts-heading') }));
    await page.locator('.cut-item').filter({ hasText: words.fit }).first().waitFor();
    expect(await page.locator('.cut-item').first().innerText()).not.toMatch(/\bblur\b/);
    await page.getByRole('button', { name: words.ledger }).click(); // the ledger is a closed section
    await page.getByRole('row').filter({ hasText: 'newsletter' }).getByText(words.email).waitFor();
    await expectNoRawCodes(page);
    await saveScreenshot(page, `words-asset-${lang}-${viewport}`);
  });
});

describe.each([
  ['en', 'desktop'],
  ['pl', 'phone'],
] as const)('the upload screen’s creator (%s, %s)', (lang, viewport) => {
  const W = {
    en: {
      creator: 'Creator',
      choose: 'Choose a creator',
      need: 'Choose a creator first.',
      files: 'Files',
      upload: /Upload \(1\)/,
      add: 'Add a creator',
      handle: 'Handle',
      followers: 'Followers',
      addButton: 'Add creator',
      needHandle: 'Enter the handle.',
      exists: 'The creator @ola.sews on instagram is already in the library.',
      chooseOla: 'Choose @ola.sews',
      added: (h: string) => `Added @${h}, chosen for this upload.`,
    },
    pl: {
      creator: 'Twórca',
      choose: 'Wybierz twórcę',
      need: 'Najpierw wybierz twórcę.',
      files: 'Pliki',
      upload: /Wyślij \(1\)/,
      add: 'Dodaj twórcę',
      handle: 'Nazwa konta',
      followers: 'Obserwujący',
      addButton: 'Dodaj twórcę',
      needHandle: 'Wpisz nazwę konta.',
      exists: 'Twórca @ola.sews z platformy instagram jest już w bibliotece.',
      chooseOla: 'Wybierz @ola.sews',
      added: (h: string) => `Dodano @${h} i wybrano do tego przesłania.`,
    },
  }[lang];
  let page: Page;
  beforeAll(async () => {
    page = await open(lang, viewport);
  });
  afterAll(async () => page?.context().close());

  it('preselects no creator and says so, at the list, when none is chosen', async () => {
    await page.goto(`${instance.url}/upload`);
    const select = page.getByLabel(W.creator, { exact: true });
    await select.locator('option').nth(1).waitFor({ state: 'attached' }); // the creators have loaded
    expect(await select.inputValue()).toBe('');
    expect((await select.locator('option:checked').innerText()).trim()).toBe(W.choose);
    await page.getByLabel(W.files, { exact: true }).setInputFiles(path.join(dir, 'tote.jpg'));
    await page.getByRole('button', { name: W.upload }).click();
    expect(await describedBy(select)).toContain(W.need);
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).tag).toBe('select');
    expect(await page.locator('.upload-item').count()).toBe(0);
  });

  it('adds a creator inline: an empty handle is said, a taken one names the creator and offers them, a new one is chosen', async () => {
    const form = page.getByRole('form', { name: W.addButton });
    await page.getByText(W.add, { exact: true }).first().click();
    await form.getByRole('button', { name: W.addButton }).click();
    expect(await describedBy(form.getByLabel(W.handle))).toContain(W.needHandle);

    await form.getByLabel(W.handle).fill('@Ola.Sews');
    await form.getByRole('button', { name: W.addButton }).click();
    await form.getByText(W.exists).waitFor();
    await form.getByRole('button', { name: W.chooseOla }).click();
    const select = page.getByLabel(W.creator, { exact: true });
    await eventually(async () => (await select.inputValue()) === creatorId);
    expect(await describedBy(select)).not.toContain(W.need);

    const handle = `nowa.${lang}.${viewport}`;
    await form.getByLabel(W.handle).fill(handle);
    await form.getByLabel(W.followers).fill('2500');
    await form.getByRole('button', { name: W.addButton }).click();
    await page
      .getByRole('status')
      .filter({ hasText: W.added(handle) })
      .waitFor();
    const created = (await instance.api('GET', '/api/v1/creators?limit=200')).items.find((c: { handle: string }) => c.handle === handle);
    await eventually(async () => (await select.inputValue()) === created.id);
    await saveScreenshot(page, `words-upload-${lang}-${viewport}`);
  });
});

async function eventually(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

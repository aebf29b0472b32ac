import { eq } from 'drizzle-orm';
import type { BrowserContext, Locator } from 'playwright-core';
import { assets, comments } from '../../core/db';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { en } from '../../web/dashboard/src/i18n/messages-en';
import { pl } from '../../web/dashboard/src/i18n/messages-pl';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type Page, type TestInstance } from '../helpers/browser';
import { insertAsset } from '../core/licensing/fixtures';
import { RAW_WORDING, type UiLang } from './ui-words';

/**
 * Issue 15, "wrong or raw words": what the API refuses in a form reaches a person as a sentence
 * in the UI language at the field it concerns, never as the validator's English ("Too small:
 * expected array to have >=1 items"), a code (`invalid_ends_at`) or an id. Real Chromium against
 * a real instance, with inputs only the API refuses (the dashboard lets them through): the
 * license editor (empty terms, an unknown country, a fee with a comma, an end before the start,
 * nothing covered, a contract that is not a PDF), the "Ask for rights" form (no terms, an
 * invisible message, a link that ended yesterday, another creator's asset), the FAQ entry editor
 * (a blank question, publishing without an answer) and an asset's details (an invisible title);
 * in English and Polish, at desktop and phone width. Screenshots:
 * test-artifacts/screenshots/form-errors-*.png.
 */
const DICTIONARIES = { en, pl } as const;
type Words = (typeof DICTIONARIES)[UiLang];
const COMBOS = [
  ['en', 1280],
  ['pl', 1280],
  ['en', 390],
  ['pl', 390],
] as const;
const DAY = 24 * 60 * 60 * 1000;
/** A day as the date inputs take it, `days` from today (in the test machine's zone, like the browser's). */
const dayFromToday = (days: number): string => {
  const d = new Date(Date.now() + days * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

let browser: Browser;
let instance: TestInstance;
let creatorId: string;
let otherAssetId: string;
let assetId: string;
let licenseId: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance({ queues: [] })]);
  const db = instance.services.database.db;
  creatorId = (await instance.api('POST', '/api/v1/creators', { handle: 'kasia.knits', platform: 'instagram', followers: 8000 })).id;
  const otherCreator = (await instance.api('POST', '/api/v1/creators', { handle: 'tomek.cooks', platform: 'tiktok', followers: 3000 })).id;
  assetId = await insertAsset(db, creatorId);
  otherAssetId = await insertAsset(db, otherCreator);
  await db.update(assets).set({ title: 'Wool scarf', status: 'ready' }).where(eq(assets.id, assetId));
  await db.update(assets).set({ title: 'Pancakes', status: 'ready' }).where(eq(assets.id, otherAssetId));
  licenseId = (
    await instance.api('POST', '/api/v1/licenses', {
      assetIds: [assetId],
      territories: ['PL'],
      channels: ['paid_social'],
      startsAt: dayFromToday(-10),
      endsAt: dayFromToday(200),
      derivativesAllowed: false,
    })
  ).id;
  // One product with one question per run, so each run finds its entry still a draft.
  const rows = COMBOS.map(([lang, width], i) => ({
    platform: 'instagram',
    externalId: `form-errors-${i}`,
    text: lang === 'pl' ? 'Czy szalik gryzie?' : 'Does the scarf itch?',
    author: `shopper${i}`,
    postedAt: new Date(Date.now() - DAY),
    productSku: skuOf(lang, width),
    lang,
    topic: 'material' as const,
    sentiment: 'neutral' as const,
    isQuestion: true,
    spam: false,
    substantive: true,
    modelVersion: 'test',
    classifiedAt: new Date(),
  }));
  const ids = (await db.insert(comments).values(rows).returning({ id: comments.id })).map((r) => r.id);
  await updateFaqEntries(db, ids);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

function skuOf(lang: UiLang, width: number): string {
  return `SKU-SCARF-${lang.toUpperCase()}-${width}`;
}

/** The visible text of `scope`: it holds the sentence expected, and none of the API's raw wording. */
async function expectWordsOnly(scope: Locator, ...sentences: string[]): Promise<void> {
  const text = await scope.innerText();
  for (const sentence of sentences) expect(text).toContain(sentence);
  for (const raw of RAW_WORDING) expect({ text, raw: raw.source, matched: raw.exec(text)?.[0] }).toEqual({ text, raw: raw.source, matched: undefined });
}

/** The message tied to a control (aria-describedby), as a screen reader reads it with the control. */
async function errorOf(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  const page = control.page();
  return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
}

/** The message of a group of controls (a fieldset with its legend). */
const groupError = (page: Page, legend: string) =>
  page
    .locator('fieldset', { has: page.locator('legend', { hasText: legend }) })
    .first()
    .locator('.field-error');

describe.each(COMBOS)('%s at %i px', (lang, width) => {
  const w: Words = DICTIONARIES[lang];
  const shot = (name: string) => `form-errors-${name}-${lang}-${width === 1280 ? 'desktop' : 'phone'}`;
  let context: BrowserContext;
  let page: Page;
  const main = () => page.locator('main');

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'en' ? 'en-GB' : 'pl-PL' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${instance.url}/`);
    await page.locator('input[type="password"]').fill(instance.adminKey);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: w['library.title'] }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('the license editor says each refused term at its field', async () => {
    await page.goto(`${instance.url}/licenses/new`);
    await page.getByRole('heading', { level: 1, name: w['license.newTitle'] }).waitFor();
    const create = page.getByRole('button', { name: w['license.create'] });

    // Nothing chosen: no country, no channel (the dashboard sends it; the API refuses it).
    await create.click();
    await page.locator('#license-errors').getByText(w['license.fix']).waitFor();
    await groupError(page, w['license.channels']).getByText(w['issue.channels.none']).waitFor();
    expect(await groupError(page, w['license.territories']).innerText()).toBe(w['issue.territories.none']);
    await expectWordsOnly(main(), w['issue.territories.none'], w['issue.channels.none']);
    await saveScreenshot(page, shot('license'));

    // A country the API does not know, and a fee written with a comma.
    await page.getByRole('combobox', { name: w['license.countryList'], exact: true }).fill('Atlantis');
    await page.getByRole('button', { name: w['territory.add'], exact: true }).click();
    await page.locator('.channel-group input[type="checkbox"]').first().check();
    await page.getByLabel(w['license.feeAmount']).fill('12.505');
    await create.click();
    await groupError(page, w['license.fee']).getByText(w['issue.fee.amount']).waitFor();
    expect(await groupError(page, w['license.territories']).innerText()).toBe(w['issue.territories']);
    await expectWordsOnly(main(), w['issue.territories'], w['issue.fee.amount']);

    // Valid terms, but the last day before the first, and nothing covered: the rules between fields.
    await page.getByRole('button', { name: new RegExp(w['territory.remove'].replace('{name}', '.*')) }).click();
    await page.getByRole('combobox', { name: w['license.countryList'], exact: true }).fill('PL');
    await page.getByRole('button', { name: w['territory.add'], exact: true }).click();
    await page.getByLabel(w['license.feeAmount']).fill('12.50');
    await page.getByLabel(w['license.startDay']).fill(dayFromToday(5));
    await page.getByLabel(w['license.lastDay'], { exact: true }).fill(dayFromToday(1));
    await create.click();
    const lastDay = page.getByLabel(w['license.lastDay'], { exact: true });
    await page.getByText(w['issue.endsAt.order']).waitFor();
    expect(await errorOf(lastDay)).toBe(w['issue.endsAt.order']);
    expect(await groupError(page, w['license.covers']).innerText()).toBe(w['issue.assetIds.cover']);
    await expectWordsOnly(main(), w['issue.endsAt.order'], w['issue.assetIds.cover']);
    await saveScreenshot(page, shot('license-period'));

    // Terms right at last, with a "PDF" that is not one: the license is saved, on its own page the
    // contract's refusal shows at its field.
    await page.getByLabel(w['license.lastDay'], { exact: true }).fill(dayFromToday(30));
    await page.getByRole('radio', { name: w['license.coversCreator'] }).check();
    await page.getByLabel(w['license.creator'], { exact: true }).selectOption({ label: '@kasia.knits (instagram)' });
    await page.locator('input[type="file"]').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('signed, honestly') });
    await create.click();
    await page.waitForURL(/\/licenses\/[0-9a-f-]{36}\?/);
    await page.getByText(w['license.contractNotPdf']).waitFor();
    expect(await errorOf(page.locator('input[type="file"]'))).toBe(w['license.contractNotPdf']);
    await expectWordsOnly(main(), w['license.saved'], w['license.contractNotPdf']);
  });

  it('the license editor says a contract that is not a PDF at the contract field', async () => {
    await page.goto(`${instance.url}/licenses/${licenseId}`);
    await page.getByRole('heading', { level: 1, name: w['license.editTitle'] }).waitFor();
    const file = page.locator('input[type="file"]');
    await file.setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('signed, honestly') });
    await page.getByRole('button', { name: w['license.saveChanges'] }).click();
    await page.getByText(w['license.contractNotPdf']).waitFor();
    expect(await errorOf(file)).toBe(w['license.contractNotPdf']);
    await expectWordsOnly(main(), w['license.contractNotPdf']);
    await saveScreenshot(page, shot('license-contract'));
  });

  it('the "Ask for rights" form says each refusal at its field', async () => {
    await page.goto(`${instance.url}/requests/new?creatorId=${creatorId}`);
    await page.getByRole('heading', { level: 1, name: w['request.newTitle'] }).waitFor();
    await page.getByLabel(w['request.creator'], { exact: true }).locator('option', { hasText: '@kasia.knits' }).waitFor({ state: 'attached' });
    const send = page.getByRole('button', { name: w['request.send'] });

    // No terms chosen.
    await send.click();
    await page.locator('#request-errors').getByText(w['request.fix']).waitFor();
    await groupError(page, w['license.channels']).getByText(w['issue.channels.none']).waitFor();
    expect(await groupError(page, w['license.territories']).innerText()).toBe(w['issue.territories.none']);
    await expectWordsOnly(main(), w['issue.territories.none'], w['issue.channels.none']);
    await saveScreenshot(page, shot('request'));

    // Terms fine; a message of one invisible character (the API wants visible text).
    await page.getByRole('combobox', { name: w['license.countryList'], exact: true }).fill('PL');
    await page.getByRole('button', { name: w['territory.add'], exact: true }).click();
    await page.locator('.channel-group input[type="checkbox"]').first().check();
    const message = page.getByLabel(w['request.message']);
    await message.fill('\u200b');
    await send.click();
    await page.getByText(w['issue.message']).waitFor();
    expect(await errorOf(message)).toBe(w['issue.message']);
    await expectWordsOnly(main(), w['issue.message']);

    // A link that ended yesterday, and a last day before the first: the rules between fields.
    await message.fill('');
    const expiry = page.getByLabel(w['request.expiry']);
    await expiry.fill(dayFromToday(-1));
    await page.getByLabel(w['license.startDay']).fill(dayFromToday(5));
    await page.getByLabel(w['license.lastDay'], { exact: true }).fill(dayFromToday(1));
    await send.click();
    await page.getByText(w['issue.expiresAt']).waitFor();
    expect(await errorOf(expiry)).toBe(w['issue.expiresAt']);
    expect(await errorOf(page.getByLabel(w['license.lastDay'], { exact: true }))).toBe(w['issue.endsAt.order']);
    await expectWordsOnly(main(), w['issue.expiresAt'], w['issue.endsAt.order']);
    await saveScreenshot(page, shot('request-period'));
  });

  it('the "Ask for rights" form says in words that an asset is another creator’s', async () => {
    await page.goto(`${instance.url}/requests/new?creatorId=${creatorId}&assetId=${otherAssetId}`);
    await page.getByRole('heading', { level: 1, name: w['request.newTitle'] }).waitFor();
    await page.getByLabel(w['request.creator'], { exact: true }).locator('option', { hasText: '@kasia.knits' }).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: w['license.countryList'], exact: true }).fill('PL');
    await page.getByRole('button', { name: w['territory.add'], exact: true }).click();
    await page.locator('.channel-group input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: w['request.send'] }).click();
    await groupError(page, w['request.content']).getByText(w['apiError.asset_not_of_creator']).waitFor();
    await expectWordsOnly(main(), w['apiError.asset_not_of_creator']);
    await saveScreenshot(page, shot('request-asset'));
  });

  it('the FAQ entry editor says a blank question and a missing answer at their fields', async () => {
    await page.goto(`${instance.url}/insights/${skuOf(lang, width)}`);
    await page
      .locator('.faq-row')
      .first()
      .getByRole('button', { name: new RegExp(`^${w['faq.edit']}`) })
      .click();
    const editor = page.locator('.faq-entry');
    const question = editor.getByRole('textbox', { name: w['faq.question'], exact: true });
    const asked = await question.inputValue();

    // The question blanked: the API wants visible text.
    await question.fill('   ');
    await editor.getByRole('button', { name: w['faq.save'], exact: true }).click();
    await editor.getByText(w['issue.question']).waitFor();
    expect(await errorOf(question)).toBe(w['issue.question']);
    await expectWordsOnly(main(), w['issue.question']);
    await saveScreenshot(page, shot('faq'));

    // Approved, then published without an answer.
    await question.fill(asked);
    await editor.getByRole('button', { name: w['faq.approve'], exact: true }).click();
    await editor.getByRole('button', { name: w['faq.publish'], exact: true }).click();
    const answer = editor.getByRole('textbox', { name: w['faq.answer'], exact: true });
    await editor.getByText(w['faq.answerRequired']).waitFor();
    expect(await errorOf(answer)).toBe(w['faq.answerRequired']);
    await expectWordsOnly(main(), w['faq.answerRequired']);
    await saveScreenshot(page, shot('faq-answer'));
  });

  it('an asset’s details say an invisible title at the title field', async () => {
    await page.goto(`${instance.url}/assets/${assetId}`);
    const details = page.locator('section[aria-labelledby="details-heading"]');
    // A closed section on the asset's page: opened as a person would.
    await page.locator('#details-heading').waitFor();
    const toggle = details.getByRole('button', { name: w['details.title'] });
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const title = details.getByLabel(w['details.titleField'], { exact: true });
    await title.fill('\u200b');
    await details.getByRole('button', { name: w['details.save'] }).click();
    await details.getByText(w['issue.title']).waitFor();
    expect(await errorOf(title)).toBe(w['issue.title']);
    await expectWordsOnly(details, w['issue.title']);
    await details.scrollIntoViewIfNeeded();
    await saveScreenshot(page, shot('asset-details'));
  });
});

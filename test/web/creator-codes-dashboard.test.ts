import { ensureDashboardBuilt } from '../../scripts/lib/build-dashboard';
import { launchBrowser, saveScreenshot, startTestInstance, type Browser, type TestInstance } from '../helpers/browser';
import { horizontalOverflow } from './dashboard-helpers';
import { signedInPage, VIEWPORTS, type Lang, type Viewport } from './signed-in';

/**
 * A creator's codes on their profile (issue 16), in real Chromium against a real instance, in
 * English and Polish at desktop (1280) and phone (390) width: a generated code with a percent
 * off, an entered one with an amount off, the same code again refused in words (409), and
 * deactivating one, which stays listed. Screenshots: test-artifacts/screenshots/creator-codes-*.png.
 */
const WORDS = {
  en: {
    section: 'Codes',
    code: 'Code',
    campaign: 'Campaign (optional)',
    discount: 'Discount',
    percentKind: 'Percent of the order',
    amountKind: 'Fixed amount',
    percent: 'Percent (1–100)',
    amount: 'Amount',
    add: 'Add code',
    percentOff: '15% off',
    amountOff: /PLN\s12\.50 off/,
    taken: 'This code is already taken',
    deactivate: 'Deactivate',
    deactivated: 'Deactivated',
    active: 'Active',
  },
  pl: {
    section: 'Kody',
    code: 'Kod',
    campaign: 'Kampania (opcjonalnie)',
    discount: 'Zniżka',
    percentKind: 'Procent zamówienia',
    amountKind: 'Stała kwota',
    percent: 'Procent (1–100)',
    amount: 'Kwota',
    add: 'Dodaj kod',
    percentOff: '15% zniżki',
    amountOff: /12,50\szł zniżki/,
    taken: 'Ten kod jest już zajęty',
    deactivate: 'Wyłącz',
    deactivated: 'Wyłączony',
    active: 'Aktywny',
  },
} as const;

let browser: Browser;
let instance: TestInstance;
let performanceKey: string;

beforeAll(async () => {
  await ensureDashboardBuilt(() => undefined);
  [browser, instance] = await Promise.all([launchBrowser(), startTestInstance()]);
  performanceKey = (await instance.api('POST', '/api/v1/keys', { name: 'Ads team', role: 'performance' })).key;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await instance?.close();
});

describe.each(['en', 'pl'] as const)('creator codes in %s', (lang: Lang) => {
  it.each(['desktop', 'phone'] as const)(
    'adds a generated and an entered code, refuses a taken one and deactivates at %s width',
    async (viewport: Viewport) => {
      const w = WORDS[lang];
      const creator = await instance.api('POST', '/api/v1/creators', { handle: `ola.${lang}.${viewport}`, platform: 'instagram', followers: 12_000 });
      const entered = `lato-${lang}-${viewport}`;
      const page = await signedInPage(browser, { key: performanceKey, lang, viewport: VIEWPORTS[viewport] });
      try {
        await page.goto(`${instance.url}/creators/${creator.id}`);
        const section = page.getByRole('region', { name: w.section });
        await section.getByText(lang === 'en' ? 'No codes yet.' : 'Nie ma jeszcze kodów.').waitFor();

        // Generated: the code left empty, 15 % off.
        await section.getByLabel(w.campaign).fill('Summer linen');
        await section.getByLabel(w.discount).selectOption({ label: w.percentKind });
        await section.getByLabel(w.percent).fill('15');
        await section.getByRole('button', { name: w.add }).click();
        const generated = section.locator('li.code-item').filter({ hasText: w.percentOff });
        await generated.waitFor();
        expect(await generated.locator('code').textContent()).toMatch(new RegExp(`^${`OLA${lang}${viewport}`.toUpperCase().slice(0, 12)}-[2-9A-HJ-NP-Z]{4}$`));

        // Entered in lower case, 12.50 PLN off (typed with a decimal comma in Polish).
        await section.getByLabel(w.code, { exact: true }).fill(entered);
        await section.getByLabel(w.discount).selectOption({ label: w.amountKind });
        await section.getByLabel(w.amount, { exact: true }).fill(lang === 'pl' ? '12,50' : '12.50');
        await section.getByRole('button', { name: w.add }).click();
        const item = section.locator('li.code-item').filter({ hasText: entered.toUpperCase() });
        await item.filter({ hasText: w.amountOff }).waitFor();

        // The same code again, in another case: the 409 in words.
        await section.getByLabel(w.code, { exact: true }).fill(entered.toUpperCase());
        await section.getByRole('button', { name: w.add }).click();
        await section.getByRole('alert').filter({ hasText: w.taken }).waitFor();

        await item.getByRole('button', { name: new RegExp(w.deactivate) }).click();
        await item.getByText(w.deactivated, { exact: true }).waitFor();
        expect(await item.getByRole('button').count()).toBe(0);
        expect(await generated.getByText(w.active, { exact: true }).count()).toBe(1);

        expect(await horizontalOverflow(page)).toBe(0);
        await section.scrollIntoViewIfNeeded();
        await saveScreenshot(page, `creator-codes-${lang}-${viewport}`);
      } finally {
        await page.context().close();
      }
    },
    60_000,
  );
});

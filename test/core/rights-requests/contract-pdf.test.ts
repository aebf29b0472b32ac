import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { renderContractPdf, type ContractPdfInput } from '../../../core/rights-requests/contract-pdf';
import { termsInPlainWords, type ProposedTerms, type RequestLanguage } from '../../../core/rights-requests/terms-in-plain-words';

const terms: ProposedTerms = {
  territories: ['WW'],
  excludedTerritories: ['DE'],
  channels: ['paid_social', 'product_page'],
  startsAt: new Date('2026-01-01T00:00:00Z'),
  endsAt: new Date('2027-03-31T22:00:00Z'),
  derivativesAllowed: true,
  disclosureRequired: true,
  disclosureLabel: 'REKLAMA',
  attributionRequired: true,
  exclusivity: { scope: 'category', category: 'kosmetyki' },
  fee: { amount: '1500.00', currency: 'PLN' },
};

function contract(language: RequestLanguage, name = 'Zażółć gęślą jaźń'): ContractPdfInput {
  const plainWords = termsInPlainWords({
    language,
    brand: 'Marka',
    creatorHandle: 'anna.makes',
    assets: [{ kind: 'video' }],
    terms,
    timeZone: 'Europe/Warsaw',
  });
  return {
    language,
    plainWords,
    termsJson: terms,
    evidence: {
      sha256: createHash('sha256').update(plainWords.text).digest('hex'),
      acceptedAt: new Date('2026-02-03T10:11:12Z'),
      name,
      email: 'anna@example.com',
      requestId: '3f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      licenseId: '9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      method: 'link',
    },
    brand: 'Marka',
    creatorHandle: 'anna.makes',
  };
}

/** The PDF's text as a reader extracts it, lines joined by single spaces (wrapping is layout, not content), and its page count. */
async function extract(pdf: Buffer): Promise<{ text: string; pages: number; title: unknown; author: unknown }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const { text, total } = await parser.getText();
    const { info } = await parser.getInfo();
    return { text: text.replace(/\s+/g, ' '), pages: total, title: info?.Title, author: info?.Author };
  } finally {
    await parser.destroy();
  }
}

describe('renderContractPdf', () => {
  it('renders a Polish contract whose text, Polish letters included, can be read back', async () => {
    const input = contract('pl');
    const pdf = await renderContractPdf(input);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { text, pages, title, author } = await extract(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    expect(title).toBe('Umowa licencyjna: Marka – @anna.makes');
    expect(author).toBe('Marka');
    expect(text).toContain('Umowa licencyjna');
    expect(text).toContain('Zażółć gęślą jaźń');
    expect(text).toMatch(/Marka płaci Ci 1\s500,00\szł\./);
    expect(text).toContain('z wyjątkiem kraju: Niemcy');
    expect(text).toContain('Zaakceptowano 3 lutego 2026, 10:11:12 UTC za pomocą linku akceptacyjnego.');
    expect(text).toContain(input.evidence.sha256);
    expect(text).toContain(input.evidence.requestId);
    expect(text).toContain(input.evidence.licenseId);
    expect(text).toContain('"currency": "PLN"');
  });

  it('draws capital Polish letters too', async () => {
    const { text } = await extract(await renderContractPdf(contract('pl', 'ĄĆĘŁŃÓŚŹŻ Łukasz')));
    expect(text).toContain('ĄĆĘŁŃÓŚŹŻ Łukasz');
  });

  it('renders an English contract with English labels', async () => {
    const input = contract('en', 'Anna Kowalska');
    const { text } = await extract(await renderContractPdf(input));
    expect(text).toContain('Licence agreement');
    expect(text).toContain('Marka asks to use your content');
    expect(text).toContain('Your video may be used in paid ads on social media');
    expect(text).toContain('Accepted on 3 February 2026, 10:11:12 UTC via the acceptance link.');
    expect(text).toContain(`SHA-256 of the text shown ${input.evidence.sha256}`);
    expect(text).toContain(`Licence ID ${input.evidence.licenseId}`);
    expect(text).not.toContain('Umowa');
  });

  it('gives the same bytes for the same acceptance, and different ones for a different text', async () => {
    const input = contract('pl');
    const [a, b] = await Promise.all([renderContractPdf(input), renderContractPdf(input)]);
    expect(a.equals(b)).toBe(true);
    const other = await renderContractPdf({ ...input, evidence: { ...input.evidence, sha256: 'f'.repeat(64) } });
    expect(other.equals(a)).toBe(false);
  });
});

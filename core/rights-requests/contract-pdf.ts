import PDFDocument from 'pdfkit';
import { displayText } from '../text/display-text';
import type { PlainWords, RequestLanguage } from './terms-in-plain-words';

/**
 * The contract a creator's acceptance becomes: an A4 PDF of what they saw (the plain-words
 * terms), who agreed and when, the SHA-256 of the text shown, the ids that tie it to the
 * request and the license, and the exact terms as a JSON appendix.
 */

export interface ContractPdfInput {
  language: RequestLanguage;
  /** What the creator saw. */
  plainWords: PlainWords;
  /** The exact terms object, printed as an appendix. */
  termsJson: unknown;
  evidence: { sha256: string; acceptedAt: Date; name: string; email: string; requestId: string; licenseId: string; method: string };
  brand: string;
  creatorHandle: string;
}

/**
 * Fonts come from the dejavu-fonts-ttf package, never the system: a fresh machine may have no
 * fonts at all, and PDF's standard 14 fonts cannot draw "ąęł". Embedded (subset) TrueType
 * draws every Polish letter and keeps the text extractable.
 */
const FONTS = {
  sans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
};

interface Labels {
  heading: string;
  parties: string;
  brand: string;
  creator: string;
  name: string;
  email: string;
  terms: string;
  acceptance: string;
  accepted: (when: string, method: string) => string;
  methods: Record<string, string>;
  sha256: string;
  requestId: string;
  licenseId: string;
  appendix: string;
  page: (n: number, of: number) => string;
}

const LABELS: Record<RequestLanguage, Labels> = {
  en: {
    heading: 'Licence agreement',
    parties: 'Parties',
    brand: 'Brand',
    creator: 'Creator',
    name: 'Name given by the creator',
    email: 'E-mail given by the creator',
    terms: 'Terms, as shown to the creator',
    acceptance: 'Acceptance',
    accepted: (when, method) => `Accepted on ${when} via ${method}.`,
    methods: { link: 'the acceptance link', hashtag: 'a reply with the hashtag' },
    sha256: 'SHA-256 of the text shown',
    requestId: 'Request ID',
    licenseId: 'Licence ID',
    appendix: 'Appendix: the terms as recorded (JSON)',
    page: (n, of) => `Page ${n} of ${of}`,
  },
  pl: {
    heading: 'Umowa licencyjna',
    parties: 'Strony',
    brand: 'Marka',
    creator: 'Twórca',
    name: 'Imię i nazwisko podane przez twórcę',
    email: 'E-mail podany przez twórcę',
    terms: 'Warunki w brzmieniu pokazanym twórcy',
    acceptance: 'Akceptacja',
    accepted: (when, method) => `Zaakceptowano ${when} za pomocą ${method}.`,
    methods: { link: 'linku akceptacyjnego', hashtag: 'odpowiedzi z hashtagiem' },
    sha256: 'SHA-256 pokazanego tekstu',
    requestId: 'Identyfikator prośby',
    licenseId: 'Identyfikator licencji',
    appendix: 'Załącznik: warunki w zapisanej postaci (JSON)',
    page: (n, of) => `Strona ${n} z ${of}`,
  },
};

const LOCALES: Record<RequestLanguage, string> = { pl: 'pl', en: 'en-GB' };
const MARGIN = 56; // 2 cm

export async function renderContractPdf(input: ContractPdfInput): Promise<Buffer> {
  const labels = LABELS[input.language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: FONTS.sans, // also keeps pdfkit from loading Helvetica, which could not draw Polish
    lang: LOCALES[input.language],
    displayTitle: true,
    // Buffered, so page numbers can be written once the page count is known.
    bufferPages: true,
    // With CreationDate fixed, the whole file is a function of the input: pdfkit derives the
    // trailer /ID from the info dictionary (an MD5), not from random bytes, and compresses and
    // subsets fonts deterministically. No ModDate, so no clock is read.
    info: {
      Title: `${labels.heading}: ${oneLine(input.brand)} – ${handle(input.creatorHandle)}`,
      Author: oneLine(input.brand),
      Subject: input.plainWords.title,
      CreationDate: input.evidence.acceptedAt,
    },
  });
  doc.registerFont('sans', FONTS.sans).registerFont('bold', FONTS.bold).registerFont('mono', FONTS.mono);
  const bytes = collect(doc);
  writeContract(doc, input, labels);
  numberPages(doc, labels);
  doc.end();
  return bytes;
}

/** The whole stream as one Buffer, resolved when pdfkit ends it. */
function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function writeContract(doc: PDFKit.PDFDocument, input: ContractPdfInput, labels: Labels): void {
  const { evidence, plainWords } = input;
  doc.font('bold').fontSize(18).text(labels.heading);
  doc.font('sans').fontSize(12).text(plainWords.title).moveDown(1);

  section(doc, labels.parties);
  field(doc, labels.brand, oneLine(input.brand));
  field(doc, labels.creator, handle(input.creatorHandle));
  field(doc, labels.name, oneLine(evidence.name));
  field(doc, labels.email, oneLine(evidence.email));
  doc.moveDown(1);

  section(doc, labels.terms);
  doc.font('sans').fontSize(10.5).list(plainWords.sentences, { bulletRadius: 2, paragraphGap: 4 });
  doc.moveDown(1);

  section(doc, labels.acceptance);
  const method = labels.methods[evidence.method] ?? oneLine(evidence.method);
  doc
    .font('sans')
    .fontSize(10.5)
    .text(labels.accepted(acceptedWhen(evidence.acceptedAt, input.language), method))
    .moveDown(0.5);
  field(doc, labels.sha256, evidence.sha256, 'mono');
  field(doc, labels.requestId, evidence.requestId, 'mono');
  field(doc, labels.licenseId, evidence.licenseId, 'mono');

  doc.addPage();
  section(doc, labels.appendix);
  doc
    .font('mono')
    .fontSize(8)
    .text(JSON.stringify(input.termsJson, null, 2) ?? 'null');
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.font('bold').fontSize(13).text(title).moveDown(0.3);
}

/** A label on its own line, then the value: long ids and hashes get the full width. */
function field(doc: PDFKit.PDFDocument, label: string, value: string, font: 'sans' | 'mono' = 'sans'): void {
  doc.font('bold').fontSize(9).text(label);
  doc.font(font).fontSize(10.5).text(value).moveDown(0.4);
}

/** The acceptance instant in UTC, to the second: "7 December 2026, 17:29:30 UTC". */
function acceptedWhen(at: Date, language: RequestLanguage): string {
  const locale = LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  return `${date}, ${time} UTC`;
}

/** "Page n of m" at the foot of every page, inside the bottom margin (lifted so pdfkit adds no page). */
function numberPages(doc: PDFKit.PDFDocument, labels: Labels): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('sans')
      .fontSize(8)
      .text(labels.page(i - start + 1, count), MARGIN, doc.page.height - bottom / 2, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Names and handles as one visible line: no characters that reorder or hide text, no line breaks. */
const oneLine = (text: string): string => displayText(text).replace(/\s+/g, ' ').trim();

const handle = (text: string): string => `@${oneLine(text).replace(/^@+/, '')}`;

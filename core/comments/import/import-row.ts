import { hasInvisibleCharacters, normalizeIdentifier } from '../../text/identifier-text';
import { canonicalFields, type ImportField } from './field-aliases';
import { PRODUCT_SKU, PRODUCT_SKU_RULE } from '../../vocabulary/product-sku';

/** One comment as it will be stored, after aliases, defaults and checks. */
export interface ImportRow {
  platform: string;
  externalId: string;
  text: string;
  author: string | null;
  postedAt: Date | null;
  assetId: string | null;
  productSku: string | null;
  permalink: string | null;
}

/** Values for the whole file, used where a row has none (`--platform`, `--product`, `--asset`). */
export interface ImportDefaults {
  platform?: string;
  productSku?: string;
  assetId?: string;
}

/** Why a row was refused: a stable code naming the field, and a sentence for people. */
export interface RowProblem {
  code: string;
  message: string;
}

export type RowCheck = { ok: true; row: ImportRow } | ({ ok: false } & RowProblem);

export const MAX_TEXT_CHARS = 10_000;
const PLATFORM = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Epoch values below this are seconds (TikTok's create_time), above it milliseconds. */
const EPOCH_MS_FROM = 1e11;
const EARLIEST = Date.UTC(2000, 0, 1);

class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const problem = (field: ImportField, message: string): RowError => new RowError(`invalid_${snake(field)}`, `${field}: ${message}`);
const missing = (field: ImportField, hint = ''): RowError => new RowError(`missing_${snake(field)}`, `${field} is missing${hint}`);
const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Checks one parsed record (a JSON object, or a CSV row keyed by its header) and turns it into
 * a row to store. Keys may be any alias in field-aliases.ts; empty values count as absent.
 */
export function checkImportRow(record: unknown, defaults: ImportDefaults = {}): RowCheck {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, code: 'not_an_object', message: 'Each row must be an object with platform, externalId and text' };
  }
  try {
    return { ok: true, row: toRow(canonicalFields(record as Record<string, unknown>), defaults) };
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return { ok: false, code: e.code, message: e.message };
  }
}

function toRow(fields: Partial<Record<ImportField, unknown>>, defaults: ImportDefaults): ImportRow {
  const row: ImportRow = {
    platform: platformOf(fields.platform ?? defaults.platform),
    externalId: externalIdOf(fields.externalId),
    text: textOf(fields.text),
    author: authorOf(fields.author),
    postedAt: fields.postedAt === undefined ? null : instantOf(fields.postedAt),
    assetId: assetIdOf(fields.assetId ?? defaults.assetId),
    productSku: skuOf(fields.productSku ?? defaults.productSku),
    permalink: fields.permalink === undefined ? null : permalinkOf(fields.permalink),
  };
  if (!row.assetId && !row.productSku)
    throw new RowError('missing_product_sku', 'Link the comment to a product: give productSku or assetId (or a default for the whole file)');
  return row;
}

function platformOf(value: unknown): string {
  if (value === undefined) throw missing('platform', ' (or give a default platform for the whole file)');
  const platform = String(value).trim().toLowerCase();
  if (!PLATFORM.test(platform)) throw problem('platform', 'up to 32 letters, digits, ".", "_" or "-"');
  return platform;
}

function externalIdOf(value: unknown): string {
  if (value === undefined) throw missing('externalId');
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isSafeInteger(value))) throw problem('externalId', 'a string or a whole number');
  // An id decides what counts as a duplicate: one that looks like another must be the same.
  const id = normalizeIdentifier(String(value).trim());
  if (id.length === 0 || id.length > 200) throw problem('externalId', '1 to 200 characters');
  if (hasInvisibleCharacters(id)) throw problem('externalId', 'no control, zero-width or text-direction characters');
  return id;
}

function textOf(value: unknown): string {
  if (value === undefined) throw missing('text');
  if (typeof value !== 'string') throw problem('text', 'must be a string');
  const text = storableText(value).trim();
  if (text.length === 0) throw missing('text');
  if (text.length > MAX_TEXT_CHARS) throw problem('text', `longer than ${MAX_TEXT_CHARS} characters`);
  return text;
}

/**
 * Text as PostgreSQL can store it: NUL removed (some exports carry it; text cannot hold one) and
 * a lone UTF-16 surrogate (a cut emoji) made U+FFFD (the batch travels as jsonb, which refuses one).
 */
const storableText = (value: string): string => value.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\ufffd');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A name, or the object some exports give (Facebook's `from: { name, id }`). */
function authorOf(value: unknown): string | null {
  if (value === undefined) return null;
  const named = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  const name = named ? (named.name ?? named.username ?? named.unique_id ?? named.uniqueId) : value;
  if (typeof name !== 'string' && typeof name !== 'number') throw problem('author', 'a name, or an object with a name');
  const author = storableText(String(name)).trim();
  if (author.length > 200) throw problem('author', 'longer than 200 characters');
  return author || null;
}

/**
 * ISO 8601 (an offset of `Z`, `+02:00` or `+0000`; none means UTC, as spreadsheet exports
 * write it), or epoch seconds or milliseconds, as a number or digits.
 */
export function instantOf(value: unknown): Date {
  let ms: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    ms = n < EPOCH_MS_FROM ? n * 1000 : n;
  } else if (typeof value === 'string') {
    ms = parseIsoish(value.trim());
  } else {
    throw problem('postedAt', 'an ISO 8601 time or epoch seconds');
  }
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > Date.now() + 24 * 3600_000) {
    throw problem('postedAt', `${String(value)} is not a time between 2000 and now`);
  }
  return new Date(ms);
}

function parseIsoish(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return NaN;
  const [, date, time = '00:00:00', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return Date.parse(`${date}T${time}${offset}`);
}

function assetIdOf(value: unknown): string | null {
  if (value === undefined) return null;
  const id = String(value).trim().toLowerCase();
  if (!UUID.test(id)) throw problem('assetId', 'an asset id (UUID)');
  return id;
}

function skuOf(value: unknown): string | null {
  if (value === undefined) return null;
  const sku = String(value).trim();
  if (!PRODUCT_SKU.test(sku)) throw problem('productSku', PRODUCT_SKU_RULE);
  return sku;
}

/** An http(s) address, kept only as a link to show: anything else would be a link nobody should click. */
function permalinkOf(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || !/^https?:$/.test(url.protocol) || text.length > 2048) throw problem('permalink', 'an http or https address of at most 2048 characters');
  return url.href;
}

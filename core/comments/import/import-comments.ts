import { inArray, sql } from 'drizzle-orm';
import { assetProducts, assets, comments, type Db } from '../../db';
import { checkImportRow, type ImportDefaults, type ImportRow, type RowProblem } from './import-row';
import type { SourceRecord } from './source-record';

/** A refused row as reported back: where it is and why. `line` is null for rows sent as a parsed JSON body. */
export interface RejectedRow extends RowProblem {
  line: number | null;
  row: number;
}

export interface ImportTally {
  /** Rows read, good or bad. */
  rows: number;
  /** New comments stored. */
  accepted: number;
  /** Rows whose (platform, externalId) was already stored: left as they were. */
  duplicates: number;
  /** Every refused row is counted here; the first MAX_REPORTED_REJECTS are listed in `rejected`. */
  rejectedCount: number;
}

export interface ImportResult extends ImportTally {
  rejected: RejectedRow[];
  /** The new comments' ids, in file order, for classification. */
  commentIds: string[];
}

export interface ImportOptions {
  defaults?: ImportDefaults;
  /** Called after each stored batch, e.g. to draw a progress bar. */
  onBatch?: (tally: ImportTally) => void;
  batchSize?: number;
  /** Records without a line number (a JSON body parsed before it got here). */
  linesUnknown?: boolean;
}

/** Enough to fix a file by; the count says how many more there were. */
export const MAX_REPORTED_REJECTS = 100;
/** Rows per INSERT: 7 parameters each stays far below PostgreSQL's 65,535 per statement. */
const DEFAULT_BATCH = 1000;

/**
 * Stores the comments of an import, read record by record: each is checked on its own (a bad
 * row is reported with its line and the good ones are kept), then written in batches with ON
 * CONFLICT DO NOTHING on (platform, externalId), so importing a file again, or two overlapping
 * exports, never duplicates a comment. Rows naming an asset that does not exist are refused;
 * a row with an asset but no SKU takes the asset's product when it has exactly one.
 * Memory stays flat: one batch at a time, plus the ids of the new comments.
 */
export async function importComments(db: Db, records: AsyncIterable<SourceRecord>, options: ImportOptions = {}): Promise<ImportResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const result: ImportResult = { rows: 0, accepted: 0, duplicates: 0, rejectedCount: 0, rejected: [], commentIds: [] };
  const reject = (at: { line: number; row: number }, problem: RowProblem): void => {
    result.rejectedCount++;
    if (result.rejected.length < MAX_REPORTED_REJECTS)
      result.rejected.push({ line: options.linesUnknown ? null : at.line, row: at.row, code: problem.code, message: problem.message });
  };
  let batch: Array<{ at: { line: number; row: number }; row: ImportRow }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const { stored, problems } = await storeBatch(db, batch);
    for (const { at, problem } of problems) reject(at, problem);
    result.accepted += stored.length;
    result.duplicates += batch.length - stored.length - problems.length;
    result.commentIds.push(...stored);
    batch = [];
    options.onBatch?.(tally(result));
  };
  try {
    for await (const record of records) {
      result.rows++;
      const at = { line: record.line, row: record.row };
      if ('problem' in record) {
        reject(at, record.problem);
        continue;
      }
      const checked = checkImportRow(record.value, options.defaults);
      if (!checked.ok) reject(at, checked);
      else batch.push({ at, row: checked.row });
      if (batch.length >= batchSize) await flush();
    }
  } catch (cause) {
    // The file stopped arriving (too large, aborted): what was read is kept, and says so.
    await flush();
    throw new ImportInterrupted(cause, result);
  }
  await flush();
  // Asset checks happen per batch, after the parse checks of later rows: report in file order.
  result.rejected.sort((a, b) => a.row - b.row);
  return result;
}

/**
 * The source failed part way. The rows read before stay stored (importing the file again is
 * safe), so the caller still gets them, to classify them and to say how far it got.
 */
export class ImportInterrupted extends Error {
  constructor(
    override readonly cause: unknown,
    readonly partial: ImportResult,
  ) {
    super(`The import stopped after ${partial.rows} rows: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImportInterrupted';
  }
}

const tally = ({ rows, accepted, duplicates, rejectedCount }: ImportTally): ImportTally => ({ rows, accepted, duplicates, rejectedCount });

type Located = { at: { line: number; row: number }; row: ImportRow };

async function storeBatch(db: Db, batch: Located[]): Promise<{ stored: string[]; problems: Array<{ at: Located['at']; problem: RowProblem }> }> {
  const products = await productsOfAssets(
    db,
    batch.map((b) => b.row.assetId),
  );
  const problems: Array<{ at: Located['at']; problem: RowProblem }> = [];
  const rows: ImportRow[] = [];
  for (const { at, row } of batch) {
    const skus = row.assetId ? products.get(row.assetId) : undefined;
    if (row.assetId && !skus) problems.push({ at, problem: { code: 'unknown_asset', message: `No asset with id ${row.assetId}` } });
    else rows.push(row.productSku || skus?.length !== 1 ? row : { ...row, productSku: skus[0]! });
  }
  if (rows.length === 0) return { stored: [], problems };
  // The batch travels as one JSON parameter: a multi-row VALUES of 7,000 parameters costs
  // PGlite about eight times as long to parse and plan.
  const stored = await db.execute<{ id: string }>(sql`
    insert into ${comments} (platform, external_id, text, author, posted_at, asset_id, product_sku, permalink)
    select "platform", "externalId", "text", "author", "postedAt", "assetId", "productSku", "permalink"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      "platform" text, "externalId" text, "text" text, "author" text, "postedAt" timestamptz, "assetId" uuid, "productSku" text, "permalink" text)
    on conflict (platform, external_id) do nothing
    returning id`);
  return { stored: stored.rows.map((s) => s.id), problems };
}

/** The product SKUs of each existing asset among `ids` (an empty list for an asset with none). */
async function productsOfAssets(db: Db, ids: Array<string | null>): Promise<Map<string, string[]>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = new Map<string, string[]>();
  if (wanted.length === 0) return found;
  const [existing, tagged] = await Promise.all([
    db.select({ id: assets.id }).from(assets).where(inArray(assets.id, wanted)),
    db.select({ assetId: assetProducts.assetId, sku: assetProducts.sku }).from(assetProducts).where(inArray(assetProducts.assetId, wanted)),
  ]);
  for (const { id } of existing) found.set(id, []);
  for (const { assetId, sku } of tagged) found.get(assetId)?.push(sku);
  return found;
}

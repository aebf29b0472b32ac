import { DomainError, isDomainError } from '../../errors/domain-error';
import type { Services } from '../../runtime/services';
import { queueClassificationOrDefer } from '../classification-jobs';
import { importComments, ImportInterrupted, type ImportOptions, type ImportResult, type RejectedRow } from './import-comments';
import { openImportSource, type ImportFormat } from './import-records';
import type { SourceRecord } from './source-record';

/** What an import answers: the classification job to follow, and what happened to each row. */
export interface ImportReport {
  /** The flow classifying the new comments (GET /api/v1/jobs/:id); null when nothing new was stored or it was deferred. */
  jobId: string | null;
  /**
   * `queued` (follow jobId), `none` (nothing new to classify), or `deferred`: the queue was
   * unreachable; the comments are stored and classified once it is back.
   */
  classification: 'queued' | 'none' | 'deferred';
  format: ImportFormat;
  rows: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  /** The first refused rows, in file order. */
  rejected: RejectedRow[];
}

/** Imports a file streamed as bytes (JSON array, NDJSON or CSV, told apart by content), then queues classification. */
export async function importCommentFile(
  services: Services,
  bytes: AsyncIterable<Buffer | Uint8Array | string>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const source = await openImportSource(bytes);
  return runImport(services, source.format, source.records, options);
}

/** Imports rows already parsed (a JSON body); they have row numbers but no lines. */
export async function importCommentList(services: Services, rows: readonly unknown[], options: ImportOptions = {}): Promise<ImportReport> {
  async function* records(): AsyncGenerator<SourceRecord> {
    for (const [i, value] of rows.entries()) yield { line: 0, row: i + 1, value };
  }
  return runImport(services, 'json', records(), { ...options, linesUnknown: true });
}

async function runImport(services: Services, format: ImportFormat, records: AsyncIterable<SourceRecord>, options: ImportOptions): Promise<ImportReport> {
  let result: ImportResult;
  try {
    result = await importComments(services.database.db, records, options);
  } catch (e) {
    if (!(e instanceof ImportInterrupted)) throw e;
    await queueClassificationOrDefer(services, e.partial.commentIds);
    throw withProgress(e.cause, e.partial);
  }
  const { jobId, deferred } = await queueClassificationOrDefer(services, result.commentIds);
  const classification = deferred ? 'deferred' : jobId ? 'queued' : 'none';
  const { rows, accepted, duplicates, rejectedCount, rejected } = result;
  return { jobId, classification, format, rows, accepted, duplicates, rejectedCount, rejected };
}

/** The error that stopped an import, telling how many rows had been stored before it. */
function withProgress(cause: unknown, partial: ImportResult): unknown {
  if (!isDomainError(cause)) return cause;
  const stored = `${partial.accepted} new comments from the rows before it were stored (importing again is safe)`;
  return new DomainError(cause.kind, cause.code, `${cause.message}; ${stored}`, {
    ...cause.details,
    accepted: partial.accepted,
    duplicates: partial.duplicates,
  });
}

import type { Request, Response } from 'express';
import multer, { type StorageEngine } from 'multer';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import type { ImportDefaults } from '../../core/comments/import/import-row';
import { importCommentFile, type ImportReport } from '../../core/comments/import/run-import';
import type { Services } from '../../core/runtime/services';
import { uploadError } from './upload-errors';

/** Content types whose body is the file itself, streamed as it arrives. */
export const RAW_IMPORT_TYPES = ['text/csv', 'text/plain', 'application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'text/tab-separated-values'];

/** The multipart form next to the file: only the defaults may come with it, and before it. */
const FORM_LIMITS = { files: 1, fields: 10, parts: 11, fieldNameSize: 100, fieldSize: 1024 };

const tooLarge = (): DomainError => new DomainError('too_large', 'file_too_large', 'The file is larger than the upload limit (UPLOAD_LIMIT_MB)');

/**
 * Imports a comments file sent as multipart (`file`, with optional `platform`, `productSku`,
 * `assetId` fields before it) or as the raw body (CSV, NDJSON). The file is imported while it
 * arrives; nothing is buffered beyond a batch. Over UPLOAD_LIMIT_MB: 413, refused up front when
 * Content-Length says so.
 */
export async function receiveCommentImport(
  req: Request,
  res: Response,
  services: Services,
  defaults: ImportDefaults,
  parseFormDefaults: (fields: Record<string, unknown>) => ImportDefaults,
): Promise<ImportReport> {
  const limit = services.config.uploadLimitBytes;
  if (Number(req.headers['content-length'] ?? 0) > limit + 64 * 1024) throw tooLarge();
  if (req.is(RAW_IMPORT_TYPES)) return importCommentFile(services, limitedBody(req, limit), { defaults });
  if (!req.is('multipart/form-data')) {
    throw new DomainError(
      'unsupported',
      'unsupported_content_type',
      'Send the comments as multipart/form-data (field "file"), as a JSON array, or as a text/csv or application/x-ndjson body',
    );
  }
  const engine = new CommentImportEngine(services, (fields) => ({ ...defaults, ...parseFormDefaults(fields) }));
  const parse = multer({ storage: engine, limits: { ...FORM_LIMITS, fileSize: limit }, defParamCharset: 'utf8' }).single('file');
  await new Promise<void>((resolve, reject) => parse(req, res, (err?: unknown) => (err ? reject(uploadError(err)) : resolve())));
  if (!engine.report) throw unprocessable('missing_file', 'The form has no file: send it in the field "file"');
  return engine.report;
}

/** The request body, failing with file_too_large past `limit` bytes (chunked uploads have no Content-Length to check first). */
async function* limitedBody(req: Request, limit: number): AsyncGenerator<Buffer> {
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limit) throw tooLarge();
    yield chunk;
  }
}

/** A multer StorageEngine that imports the file part as it streams in, rather than storing it. */
class CommentImportEngine implements StorageEngine {
  report: ImportReport | undefined;

  constructor(
    private readonly services: Services,
    private readonly defaultsFor: (fields: Record<string, unknown>) => ImportDefaults,
  ) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    this.import(req, file).then(() => callback(null, {}), callback);
  }

  _removeFile(_req: Request, _file: Express.Multer.File, callback: (error: Error | null) => void): void {
    callback(null); // nothing was stored as a file; imported rows are idempotent and stay
  }

  private async import(req: Request, file: Express.Multer.File): Promise<void> {
    const defaults = this.defaultsFor({ ...(req.body as Record<string, unknown> | undefined) });
    // busboy ends the part at the limit and says so: turn that into an error the import stops on.
    let overLimit = false;
    file.stream.once('limit', () => (overLimit = true));
    const stream = file.stream;
    async function* checked(): AsyncGenerator<Buffer> {
      for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
      if (overLimit) throw tooLarge();
    }
    this.report = await importCommentFile(this.services, checked(), { defaults });
  }
}

import { TextDecoder } from 'node:util';
import { DomainError } from '../../errors/domain-error';
import { csvRecords } from './csv-records';
import { jsonArrayRecords } from './json-array-records';
import { ndjsonRecords } from './ndjson-records';
import type { SourceRecord } from './source-record';

export const IMPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportSource {
  format: ImportFormat;
  records: AsyncIterable<SourceRecord>;
}

/**
 * Opens an import file streamed as bytes: decodes it (UTF-8, or UTF-16 when it starts with that
 * byte-order mark, as Excel's "Unicode text" does) and tells its format from its first visible
 * character, whatever it is called: `[` a JSON array, `{` NDJSON, anything else CSV.
 * A file whose head is not UTF-8 or is full of NUL bytes is not text: refused as an unsupported format.
 */
export async function openImportSource(bytes: AsyncIterable<Buffer | Uint8Array | string>): Promise<ImportSource> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  // The head is enough to judge: binary or text, which encoding, which format.
  while (headBytes < HEAD_BYTES && !ended) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      head.push(chunk);
      headBytes += chunk.length;
    }
  }
  const start = Buffer.concat(head);
  const decoder = decoderFor(start);
  if (isBinary(start, decoder.encoding)) throw unsupportedFormat();
  const first = /[^\s\ufeff]/.exec(new TextDecoder(decoder.encoding).decode(start))?.[0];
  if (first === undefined && ended) throw new DomainError('unprocessable', 'empty_import', 'The file has no rows');
  const text = decode(head, ended ? null : iterator, decoder);
  const format: ImportFormat = first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
  const records = format === 'json' ? jsonArrayRecords(text) : format === 'ndjson' ? ndjsonRecords(text) : csvRecords(text);
  return { format, records };
}

/** Enough to hold a header line or the first rows, and to tell text from binary. */
const HEAD_BYTES = 8192;

const unsupportedFormat = (): DomainError =>
  new DomainError('unsupported', 'unsupported_import_format', 'Import a JSON array, NDJSON or CSV text file (UTF-8 or UTF-16)');

function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * A UTF-8 file is binary when its head is not UTF-8 (images, archives) or is full of NUL bytes
 * (UTF-16 without its byte-order mark). A stray NUL or two in text, as some exports carry, does
 * not make it binary: those are dropped from comment texts or refuse only their row.
 */
function isBinary(head: Uint8Array, encoding: string): boolean {
  if (encoding !== 'utf-8') return false;
  const start = head.subarray(0, HEAD_BYTES);
  let nuls = 0;
  for (const byte of start) if (byte === 0) nuls++;
  if (nuls > start.length / 100) return true;
  try {
    // stream: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return false;
  } catch {
    return true;
  }
}

async function* decode(head: Uint8Array[], rest: AsyncIterator<Buffer | Uint8Array | string> | null, decoder: TextDecoder): AsyncGenerator<string> {
  for (const chunk of head) yield decoder.decode(chunk, { stream: true });
  if (rest) {
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const chunk = next.value;
      yield decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, { stream: true });
    }
  }
  yield decoder.decode();
}

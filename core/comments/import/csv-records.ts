import { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { CsvRecordGuard } from './csv-record-guard';
import { importFieldOf } from './field-aliases';
import { MAX_RECORD_CHARS, type SourceRecord } from './source-record';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads CSV as platforms and spreadsheets export it: a header row naming the columns (any alias
 * in field-aliases.ts), then one comment a record. The delimiter (`,`, `;` as Excel writes it in
 * Polish locales, or tab) is taken from the header line. Quoted fields may span lines; a record
 * is reported on the line it starts. Stray quotes inside fields are kept as text; a record with
 * more fields than the header is refused (a comma in an unquoted text shifts every column after
 * it), one with fewer has the missing ones empty.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  const { head, rest } = await peekFirstLine(chunks);
  const problems: SourceRecord[] = [];
  let row = 0;
  const delimiter = sniffDelimiter(head);
  const guard = new CsvRecordGuard(delimiter, MAX_RECORD_CHARS);
  const parser = parse({
    bom: true,
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
    raw: true,
    on_skip: (err, raw) => {
      const line = guard.fileLine(startLine(Number(err?.lines ?? 0), raw ?? ''));
      problems.push({ line, row: ++row, problem: { code: 'invalid_csv', message: err?.message ?? 'The record cannot be read' } });
      return undefined;
    },
  });
  Readable.from(guarded(rest, guard)).pipe(parser);
  let header: string[] | undefined;
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: Info; raw: string }>) {
    yield* problems.splice(0);
    const parserLine = startLine(info.lines, raw);
    const tooLongAt = guard.placeholderLine(record, parserLine);
    if (tooLongAt !== undefined) {
      yield {
        line: tooLongAt,
        row: header ? ++row : 0,
        problem: { code: 'row_too_long', message: `The record is longer than ${MAX_RECORD_CHARS} characters` },
      };
      if (!header) return parser.destroy();
      continue;
    }
    const line = guard.fileLine(parserLine);
    if (!header) {
      header = record.map((name) => name.trim());
      if (!header.some((name) => importFieldOf(name) === 'text')) {
        yield {
          line,
          row: 0,
          problem: {
            code: 'invalid_header',
            message: `The first line must name the columns, one of them the comment text (text, message, body…); got: ${header.join(', ')}`,
          },
        };
        parser.destroy();
        return;
      }
      continue;
    }
    yield toRecord(header, record, line, ++row);
  }
  yield* problems.splice(0);
}

/** The file's text with every record over the limit replaced by a placeholder (see CsvRecordGuard). */
async function* guarded(chunks: AsyncIterable<string>, guard: CsvRecordGuard): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    const text = guard.feed(chunk);
    if (text !== '') yield text;
  }
  const last = guard.end();
  if (last !== '') yield last;
}

function toRecord(header: readonly string[], fields: readonly string[], line: number, row: number): SourceRecord {
  if (fields.length > header.length) {
    return {
      line,
      row,
      problem: {
        code: 'wrong_field_count',
        message: `The record has ${fields.length} fields, the header ${header.length}: quote texts that contain the delimiter`,
      },
    };
  }
  return { line, row, value: Object.fromEntries(header.map((name, i) => [name, fields[i]])) };
}

/** csv-parse counts the line a record ends on; its raw text (with any blank lines before it) tells how many it spans. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/** The delimiter found most often outside quotes in the header line; `,` when none is. */
function sniffDelimiter(line: string): string {
  const unquoted = line.replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => unquoted.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? DELIMITERS[best]! : ',';
}

/** Reads chunks until the first line is complete, and hands back everything read as a stream to parse from the start. */
async function peekFirstLine(chunks: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let done = false;
  while (!done && !seen.join('').includes('\n') && seen.join('').length < MAX_RECORD_CHARS) {
    const next = await iterator.next();
    if (next.done) done = true;
    else seen.push(next.value);
  }
  const head = seen.join('').split('\n', 1)[0] ?? '';
  async function* rest(): AsyncGenerator<string> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

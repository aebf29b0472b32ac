import { MAX_RECORD_CHARS, type SourceRecord } from './source-record';

/**
 * Reads NDJSON (JSON Lines): one JSON value a line, blank lines skipped, `\r\n` accepted. A line
 * that does not parse is reported with its number and the next lines are still read.
 */
export async function* ndjsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let row = 0;
  for await (const { line, text } of lines(chunks)) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    row++;
    if (trimmed.length > MAX_RECORD_CHARS) {
      yield { line, row, problem: { code: 'row_too_long', message: `The line is longer than ${MAX_RECORD_CHARS} characters` } };
      continue;
    }
    try {
      yield { line, row, value: JSON.parse(trimmed) };
    } catch (e) {
      yield { line, row, problem: { code: 'invalid_json', message: (e as Error).message } };
    }
  }
}

/** Splits streamed text into numbered lines; a line grown past the record limit is cut, not buffered further. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let number = 1;
  let partial = '';
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      yield { line: number++, text: partial + chunk.slice(from, nl) };
      partial = '';
      from = nl + 1;
    }
    if (partial.length <= MAX_RECORD_CHARS) partial += chunk.slice(from, from + MAX_RECORD_CHARS + 1);
  }
  if (partial !== '') yield { line: number, text: partial };
}

import { Readable } from 'node:stream';
import { openImportSource } from '../../../../core/comments/import/import-records';
import type { SourceRecord } from '../../../../core/comments/import/source-record';
import { isDomainError } from '../../../../core/errors/domain-error';

/** The records of a file, fed in chunks of `chunk` bytes to exercise every split point. */
async function read(text: string | Buffer, chunk = 7): Promise<{ format: string; records: SourceRecord[] }> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const source = await openImportSource(Readable.from(pieces));
  const records: SourceRecord[] = [];
  for await (const r of source.records) records.push(r);
  return { format: source.format, records };
}

const problems = (records: SourceRecord[]) => records.flatMap((r) => ('problem' in r ? [{ line: r.line, row: r.row, code: r.problem.code }] : []));
const values = (records: SourceRecord[]) => records.flatMap((r) => ('value' in r ? [{ line: r.line, row: r.row, value: r.value }] : []));

describe('openImportSource: JSON array', () => {
  const file = [
    '[',
    '  {"platform": "instagram", "id": "1", "text": "Jaki rozmiar wybrać?"},',
    '  {"platform": "instagram", "id": "2",',
    '   "text": "line, with ] and } and \\" inside"},',
    '  {"platform": "instagram", "id": "3", "text": "trailing comma",},',
    '  {"platform": "tiktok", "id": 4, "text": "ok"}',
    ']',
  ].join('\n');

  it.each([1, 3, 7, 4096])('reads each element with the line it starts on, in chunks of %i bytes', async (chunk) => {
    const { format, records } = await read(file, chunk);
    expect(format).toBe('json');
    expect(values(records).map((v) => [v.line, v.row])).toEqual([
      [2, 1],
      [3, 2],
      [6, 4],
    ]);
    expect((values(records)[1]!.value as { text: string }).text).toBe('line, with ] and } and " inside');
  });

  it('reports an element with a syntax error on its line and keeps reading', async () => {
    const { records } = await read(file);
    expect(problems(records)).toEqual([{ line: 5, row: 3, code: 'invalid_json' }]);
  });

  it('stops at a break in the structure, on the line it happened', async () => {
    const { records } = await read('[\n{"id": "1", "text": "ok"},\n{"id": "2", "text": "never closed\n');
    expect(values(records)).toHaveLength(1);
    expect(problems(records)).toEqual([{ line: 3, row: 2, code: 'invalid_json' }]);
  });

  it('accepts a byte-order mark and leading blank lines', async () => {
    const { format, records } = await read('\ufeff\n\n  [{"id": "1", "text": "x"}]\n');
    expect(format).toBe('json');
    expect(values(records)).toEqual([{ line: 3, row: 1, value: { id: '1', text: 'x' } }]);
  });
});

describe('openImportSource: NDJSON', () => {
  it('reads a value a line, skipping blank lines, reporting bad lines', async () => {
    const { format, records } = await read('{"id":"1","text":"a"}\r\n\n{"id":"2","text":\n{"id":"3","text":"c"}');
    expect(format).toBe('ndjson');
    expect(values(records).map((v) => [v.line, v.row])).toEqual([
      [1, 1],
      [4, 3],
    ]);
    expect(problems(records)).toEqual([{ line: 3, row: 2, code: 'invalid_json' }]);
  });
});

describe('openImportSource: CSV', () => {
  it('maps platform export headers, keeps quoted multi-line texts, and reports records on the line they start', async () => {
    const csv = [
      'comment_id,message,created_time,username',
      '1,"Czy wysyłacie do Niemiec?",2024-05-01T10:00:00+0000,kasia',
      '2,"first line',
      'second line",2024-05-02T10:00:00Z,',
      '3,too,many,fields,here',
    ].join('\n');
    const { format, records } = await read(csv);
    expect(format).toBe('csv');
    expect(values(records)).toEqual([
      { line: 2, row: 1, value: { comment_id: '1', message: 'Czy wysyłacie do Niemiec?', created_time: '2024-05-01T10:00:00+0000', username: 'kasia' } },
      { line: 3, row: 2, value: { comment_id: '2', message: 'first line\nsecond line', created_time: '2024-05-02T10:00:00Z', username: '' } },
    ]);
    expect(problems(records)).toEqual([{ line: 5, row: 3, code: 'wrong_field_count' }]);
  });

  it('takes ; (Excel in Polish) or tab as the delimiter from the header', async () => {
    const semicolons = await read('id;text;author\n1;"Ile kosztuje, bo nie widzę?";ola\n');
    expect(values(semicolons.records)[0]!.value).toEqual({ id: '1', text: 'Ile kosztuje, bo nie widzę?', author: 'ola' });
    const tabs = await read('id\ttext\n1\tsize?\n');
    expect(values(tabs.records)[0]!.value).toEqual({ id: '1', text: 'size?' });
  });

  it('reads UTF-16 with a byte-order mark, as Excel writes "Unicode text"', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,text\n1,Zażółć gęślą jaźń\n', 'utf16le')]);
    const { records } = await read(utf16, 5);
    expect(values(records)[0]!.value).toEqual({ id: '1', text: 'Zażółć gęślą jaźń' });
  });

  it('refuses a header without a text column', async () => {
    const { records } = await read('a,b\n1,2\n');
    expect(problems(records)).toEqual([{ line: 1, row: 0, code: 'invalid_header' }]);
  });
});

describe('openImportSource: not text', () => {
  it('refuses binary files and empty ones with stable codes', async () => {
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'none',
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
    expect(await codeOf(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])))).toBe('unsupported_import_format');
    expect(await codeOf(read('   \n\n'))).toBe('empty_import');
  });
});

describe('openImportSource: one record over the size limit', () => {
  /** Streams `parts` in 64 KB chunks, generating long runs lazily so the file is never whole in memory. */
  async function* stream(parts: Array<string | { repeat: string; times: number }>): AsyncGenerator<Buffer> {
    for (const part of parts) {
      if (typeof part === 'string') {
        yield Buffer.from(part);
        continue;
      }
      const block = part.repeat.repeat(Math.ceil(65536 / part.repeat.length));
      let left = part.repeat.length * part.times;
      while (left > 0) {
        const piece = block.slice(0, Math.min(left, block.length));
        left -= piece.length;
        yield Buffer.from(piece);
      }
    }
  }

  /** Reads every record, sampling the heap, and returns the records and the heap's peak growth in MB. */
  async function readAll(parts: Parameters<typeof stream>[0]): Promise<{ records: SourceRecord[]; peakMb: number }> {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const source = await openImportSource(stream(parts));
    const records: SourceRecord[] = [];
    for await (const r of source.records) {
      records.push(r);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    return { records, peakMb: (peak - before) / 2 ** 20 };
  }

  const csvRows = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `${from + i},comment ${from + i}\n`).join('');

  it('CSV: a 300 KB quoted field is one rejected row on its line; every valid row after it is kept', async () => {
    const { records } = await readAll(['id,text\n', csvRows(1, 3), '4,"', { repeat: 'long, "" text\n', times: (300 * 1024) / 14 }, '"\n', csvRows(5, 8)]);
    const longLines = Math.floor((300 * 1024) / 14);
    expect(problems(records)).toEqual([{ line: 5, row: 4, code: 'row_too_long' }]);
    expect(values(records).map((v) => [v.line, v.row, (v.value as { id: string }).id])).toEqual([
      [2, 1, '1'],
      [3, 2, '2'],
      [4, 3, '3'],
      [6 + longLines, 5, '5'],
      [7 + longLines, 6, '6'],
      [8 + longLines, 7, '7'],
      [9 + longLines, 8, '8'],
    ]);
  });

  it('CSV: a 64 MB line is one rejected row, memory stays bounded, and the rows after it are kept', async () => {
    const { records, peakMb } = await readAll(['id,text\n', csvRows(1, 2), '3,', { repeat: 'x', times: 64 * 2 ** 20 }, '\n', csvRows(4, 5)]);
    expect(problems(records)).toEqual([{ line: 4, row: 3, code: 'row_too_long' }]);
    expect(values(records).map((v) => [v.line, v.row])).toEqual([
      [2, 1],
      [3, 2],
      [5, 4],
      [6, 5],
    ]);
    expect(peakMb).toBeLessThan(32);
  });

  it('CSV: several long records and Windows line ends keep the line numbers right', async () => {
    const long = { repeat: 'y', times: 300 * 1024 };
    const { records } = await readAll(['id,text\r\n', '1,a\r\n', '2,"', long, '\r\nsecond line"\r\n', '3,b\r\n', '4,', long, '\r\n', '5,c\r\n']);
    expect(problems(records)).toEqual([
      { line: 3, row: 2, code: 'row_too_long' },
      { line: 6, row: 4, code: 'row_too_long' },
    ]);
    expect(values(records).map((v) => [v.line, (v.value as { text: string }).text])).toEqual([
      [2, 'a'],
      [5, 'b'],
      [7, 'c'],
    ]);
  });

  it('NDJSON: a 300 KB line and a 64 MB line are rejected on their lines; the lines after are kept', async () => {
    const row = (id: number): string => `{"id":"${id}","text":"c${id}"}\n`;
    const { records, peakMb } = await readAll([
      row(1),
      '{"id":"2","text":"',
      { repeat: 'z', times: 300 * 1024 },
      '"}\n',
      row(3),
      '{"id":"4","text":"',
      { repeat: 'z', times: 64 * 2 ** 20 },
      '"}\n',
      row(5),
    ]);
    expect(problems(records)).toEqual([
      { line: 2, row: 2, code: 'row_too_long' },
      { line: 4, row: 4, code: 'row_too_long' },
    ]);
    expect(values(records).map((v) => [v.line, v.row])).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
    expect(peakMb).toBeLessThan(32);
  });

  it('JSON array: a 300 KB element and a 64 MB element are rejected on their lines; the elements after are kept', async () => {
    const el = (id: number): string => `{"id":"${id}","text":"c${id}"},\n`;
    const { records, peakMb } = await readAll([
      '[\n',
      el(1),
      '{"id":"2","text":"',
      { repeat: 'w\\"', times: 100 * 1024 },
      '"},\n',
      el(3),
      '{"id":"4","text":"',
      { repeat: 'w', times: 64 * 2 ** 20 },
      '"},\n',
      '{"id":"5","text":"c5"}\n]\n',
    ]);
    expect(problems(records)).toEqual([
      { line: 3, row: 2, code: 'row_too_long' },
      { line: 5, row: 4, code: 'row_too_long' },
    ]);
    expect(values(records).map((v) => [v.line, v.row])).toEqual([
      [2, 1],
      [4, 3],
      [6, 5],
    ]);
    expect(peakMb).toBeLessThan(32);
  });
});

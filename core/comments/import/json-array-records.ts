import { MAX_RECORD_CHARS, type SourceRecord } from './source-record';

/**
 * Reads a JSON array streamed in text chunks, element by element, with the line each element
 * starts on. It only finds where elements begin and end (brackets and strings); each element is
 * then parsed by JSON.parse on its own. That is what a general streaming parser (stream-json)
 * cannot give: line numbers, and an element with a syntax error (a trailing comma, a bare word)
 * reported on its own while the elements after it are still read. Only a break in the array's
 * structure itself (an unterminated string, a missing `]`) ends the reading, reported as a
 * problem on the line where it happened.
 */
export async function* jsonArrayRecords(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  const scanner = new ArrayScanner();
  for await (const chunk of chunks) {
    yield* scanner.feed(chunk);
    if (scanner.failed) return;
  }
  yield* scanner.end();
}

type Place = 'before' | 'between' | 'element' | 'after';

class ArrayScanner {
  private place: Place = 'before';
  private line = 1;
  private row = 0;
  /** Open brackets inside the current element, and whether we are in one of its strings. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementLine = 0;
  private pieces: string[] = [];
  private size = 0;
  failed = false;

  *feed(chunk: string): Generator<SourceRecord> {
    let start = this.place === 'element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.place === 'element') {
        if (!this.elementEnds(c)) {
          if (c === NEWLINE) this.line++;
          continue;
        }
        this.keep(chunk.slice(start, i));
        yield this.finishElement();
        start = -1;
        this.place = c === CLOSE_ARRAY ? 'after' : 'between';
        continue;
      }
      if (c === NEWLINE) this.line++;
      if (isSpace(c) || (c === BOM && this.place === 'before')) continue;
      if (this.place === 'before' && c === OPEN_ARRAY) this.place = 'between';
      else if (this.place === 'between' && c === CLOSE_ARRAY) this.place = 'after';
      else if (this.place === 'between' && c !== COMMA) {
        this.place = 'element';
        this.elementLine = this.line;
        start = i;
        i--; // the element's first character is scanned as part of it
      } else if (this.place !== 'between') {
        yield this.fail(this.place === 'before' ? 'The file does not start with a JSON array ([)' : 'Text after the end of the JSON array');
        return;
      }
    }
    if (this.place === 'element') this.keep(chunk.slice(start));
  }

  *end(): Generator<SourceRecord> {
    if (this.place === 'after') return;
    if (this.place === 'element' && !this.inString && this.depth === 0) yield this.finishElement();
    yield this.fail(this.place === 'before' ? 'The file is empty' : 'The JSON array is not closed: the file ends inside it');
  }

  /** Tracks strings and brackets; true at the `,` or `]` that ends the element. */
  private elementEnds(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return false;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) this.depth++;
    else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && this.depth > 0) this.depth--;
    else if (this.depth === 0 && (c === COMMA || c === CLOSE_ARRAY)) return true;
    return false;
  }

  /** Keeps the element's text while it is of a sane size; past that, only its end is looked for. */
  private keep(text: string): void {
    this.size += text.length;
    if (this.size <= MAX_RECORD_CHARS) this.pieces.push(text);
  }

  private finishElement(): SourceRecord {
    const text = this.pieces.join('');
    const tooLong = this.size > MAX_RECORD_CHARS;
    this.pieces = [];
    this.size = 0;
    this.depth = 0;
    const at = { line: this.elementLine, row: ++this.row };
    if (tooLong) return { ...at, problem: { code: 'row_too_long', message: `The element is longer than ${MAX_RECORD_CHARS} characters` } };
    try {
      return { ...at, value: JSON.parse(text) };
    } catch (e) {
      return { ...at, problem: { code: 'invalid_json', message: (e as Error).message } };
    }
  }

  private fail(message: string): SourceRecord {
    this.failed = true;
    return { line: this.place === 'element' ? this.elementLine : this.line, row: this.row + 1, problem: { code: 'invalid_json', message } };
  }
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const BOM = 0xfeff;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

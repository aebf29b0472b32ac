import { randomUUID } from 'node:crypto';

/**
 * Keeps CSV records over a size limit away from the parser. csv-parse, told to skip a record
 * past `max_record_size`, stops in the middle of it and reads the rest of that record as new
 * records (or, inside quotes, swallows the valid rows after it). This finds where each record
 * ends, with the same quoting rules (a `"` opens a quoted field only at the start of a field,
 * `""` inside one is a quote), and replaces an oversized record by a one-line placeholder
 * record, so the parser sees only records it can hold and the rows after it are read as before.
 * A placeholder tells which line it stood for; memory stays at one limit's worth of text.
 */
export class CsvRecordGuard {
  /** Unguessable, so no record in a file can pass for a placeholder. */
  private readonly marker = `\u0000too_long:${randomUUID()}`;
  private inQuotes = false;
  /** A `"` inside a quoted field, waiting for the next character to tell `""` from the closing quote. */
  private quoteSeen = false;
  private fieldStart = true;
  private pieces: string[] = [];
  private size = 0;
  private oversized = false;
  /** Line feeds inside the current record. */
  private recordNewlines = 0;
  /** Line feeds passed on to the parser. */
  private outputNewlines = 0;
  /** Where placeholders stand in the parser's line numbering, and how many lines each replaced. */
  private readonly removed: Array<{ atLine: number; lines: number }> = [];

  constructor(
    private readonly delimiter: string,
    private readonly limit: number,
  ) {}

  /** Text to give the parser for this chunk: the records it completes, placeholders for oversized ones. */
  feed(chunk: string): string {
    const out: string[] = [];
    const delimiter = this.delimiter.charCodeAt(0);
    // Locals in the loop: this runs once a character over whole files.
    let { inQuotes, quoteSeen, fieldStart, recordNewlines } = this;
    /** Where the current record starts in this chunk (0: it began in an earlier one), and what of the chunk is not yet passed on. */
    let recordStart = 0;
    let emitFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) recordNewlines++;
      if (quoteSeen) {
        quoteSeen = false;
        if (c === QUOTE) continue; // "" is a quote inside the field
        inQuotes = false;
        fieldStart = false;
      }
      if (inQuotes) {
        if (c === QUOTE) quoteSeen = true;
        continue;
      }
      if (c === QUOTE && fieldStart) inQuotes = true;
      if (c !== LF && c !== CR) {
        fieldStart = c === delimiter;
        continue;
      }
      // The record ends here. A short one stays in the chunk's text; a long one is cut out of it.
      fieldStart = true;
      const size = this.size + i + 1 - recordStart;
      if (this.oversized || size > this.limit) {
        if (recordStart > emitFrom) out.push(chunk.slice(emitFrom, recordStart));
        out.push(this.placeholder(recordNewlines, chunk[i]!));
        emitFrom = i + 1;
      } else {
        if (recordStart === 0 && this.pieces.length > 0) out.push(...this.pieces);
        this.outputNewlines += recordNewlines;
      }
      this.pieces = [];
      this.size = 0;
      this.oversized = false;
      recordNewlines = 0;
      recordStart = i + 1;
    }
    if (recordStart > emitFrom) out.push(chunk.slice(emitFrom, recordStart));
    this.inQuotes = inQuotes;
    this.quoteSeen = quoteSeen;
    this.fieldStart = fieldStart;
    this.recordNewlines = recordNewlines;
    this.keep(chunk.slice(recordStart));
    return out.join('');
  }

  /** What is left at the end of the file: the last record, when it had no line end. */
  end(): string {
    const text = this.oversized ? this.placeholder(this.recordNewlines, '') : this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    this.oversized = false;
    return text;
  }

  /** The placeholder's line, if `record` is one: the line the oversized record started on. */
  placeholderLine(record: readonly string[], parserLine: number): number | undefined {
    return record.length === 1 && record[0] === this.marker ? this.fileLine(parserLine) : undefined;
  }

  /** A line number as the parser counts it, as a line of the file (placeholders are one line each). */
  fileLine(parserLine: number): number {
    let line = parserLine;
    for (const { atLine, lines } of this.removed) if (atLine < parserLine) line += lines;
    return line;
  }

  private keep(text: string): void {
    if (this.oversized) return;
    this.size += text.length;
    if (this.size > this.limit) {
      this.oversized = true;
      this.pieces = [];
    } else if (text !== '') this.pieces.push(text);
  }

  /** One line standing for an oversized record, ending as the record did; the lines inside it are remembered. */
  private placeholder(newlines: number, ending: string): string {
    const endsWithLf = ending === '\n';
    this.removed.push({ atLine: this.outputNewlines + 1, lines: newlines - (endsWithLf ? 1 : 0) });
    if (endsWithLf) this.outputNewlines++;
    return `"${this.marker}"${ending}`;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

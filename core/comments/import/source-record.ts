import type { RowProblem } from './import-row';

/**
 * One record read from an import file, before its fields are checked: its parsed value, or why
 * it could not be parsed. `line` is the 1-based line it starts on (for people fixing the file);
 * `row` its 1-based position among the file's records.
 */
export type SourceRecord = { line: number; row: number; value: unknown } | { line: number; row: number; problem: RowProblem };

/** Longest record kept in memory: far beyond any comment, small enough that a broken file cannot exhaust memory. */
export const MAX_RECORD_CHARS = 256 * 1024;

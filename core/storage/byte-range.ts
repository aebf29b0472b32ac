/** One range of bytes, both ends inclusive, as Content-Range writes it. */
export interface ByteSpan {
  start: number;
  end: number;
}

/**
 * The Range header as RFC 9110 §14 reads it, for a representation of `size` bytes: the single
 * span to send, 'unsatisfiable' (416), or undefined to send the whole file (200). Ignored, as
 * the RFC has it, are: a unit other than bytes (`items=0-10`), a syntactically invalid set
 * (`bytes=100-50`, `bytes=a-b`), and several ranges that do not merge into one (a multipart
 * answer is not worth its complexity for media players, which ask for one range).
 * A suffix longer than the file (`bytes=-99999999999`) selects the whole file.
 *
 * range-parser (Express's req.range) reads the first two as ranges and answers 416 to the
 * third, hence this.
 */
export function parseByteRange(header: string, size: number): ByteSpan | 'unsatisfiable' | undefined {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)=(.*)$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== 'bytes') return undefined;
  const specs = match[2]!
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length === 0) return undefined;
  const spans: ByteSpan[] = [];
  for (const spec of specs) {
    const parts = /^(\d*)-(\d*)$/.exec(spec);
    if (!parts || (parts[1] === '' && parts[2] === '')) return undefined;
    const span = parts[1] === '' ? suffixSpan(Number(parts[2]), size) : intSpan(Number(parts[1]), parts[2] === '' ? undefined : Number(parts[2]), size);
    if (span === 'invalid') return undefined;
    if (span) spans.push(span);
  }
  if (spans.length === 0) return 'unsatisfiable';
  const merged = merge(spans);
  return merged.length === 1 ? merged[0] : undefined;
}

/** `first-last` or `first-`: invalid when last < first; unsatisfiable (null) when first is past the end. */
function intSpan(first: number, last: number | undefined, size: number): ByteSpan | null | 'invalid' {
  if (last !== undefined && last < first) return 'invalid';
  if (first >= size) return null;
  return { start: first, end: Math.min(last ?? size - 1, size - 1) };
}

/** `-n`: the last n bytes, the whole file when n is larger; unsatisfiable (null) when n is 0 or the file empty. */
function suffixSpan(length: number, size: number): ByteSpan | null {
  if (length === 0 || size === 0) return null;
  return { start: Math.max(0, size - length), end: size - 1 };
}

/** Overlapping and adjacent spans as one. */
function merge(spans: ByteSpan[]): ByteSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: ByteSpan[] = [{ ...sorted[0]! }];
  for (const span of sorted.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

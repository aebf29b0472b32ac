import { DomainError } from '../errors/domain-error';

/** S3's limit; the fs driver keeps it too, so keys move freely between drivers. */
const MAX_KEY_BYTES = 1024;

/**
 * Keys are where outside strings (asset ids, file names) become file paths and object names,
 * so every driver method checks them before any I/O: relative, '/'-separated, with no empty,
 * '.' or '..' segment (no traversal), no backslash (a separator on Windows) and no control
 * character (NUL truncates paths in system calls; the others corrupt logs and headers).
 */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw invalidKey(problem);
}

/** A list prefix may be empty (everything) or end with '/'; otherwise it obeys the key rules. */
export function assertValidPrefix(prefix: string): void {
  if (prefix !== '') assertValidKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}

export const invalidKey = (problem: string): DomainError => new DomainError('invalid', 'invalid_storage_key', `Invalid storage key: ${problem}`);

function keyProblem(key: string): string | undefined {
  // typeof: JavaScript callers and untyped request data can pass anything.
  if (typeof key !== 'string' || key === '') return 'it is empty';
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return `it is longer than ${MAX_KEY_BYTES} bytes`;
  if (/[\x00-\x1f\x7f]/.test(key)) return 'it contains a control character';
  if (key.includes('\\')) return 'it contains a backslash';
  if (key.startsWith('/')) return 'it is an absolute path';
  if (key.split('/').some((s) => s === '' || s === '.' || s === '..')) return "it has an empty, '.' or '..' segment";
  return undefined;
}

import type { ZodType } from 'zod';
import { DomainError, type ErrorKind } from '../../core/errors/domain-error';

/**
 * Parses input with a zod schema, turning the first problem into a stable error code that names
 * the field (`invalid_role`, `invalid_territories`); every problem is listed in `details.issues`.
 */
export function validate<T>(schema: ZodType<T>, input: unknown, kind: ErrorKind): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
  const first = parsed.error.issues[0]!;
  const field = first.path.length ? String(first.path[0]) : null;
  const code = field ? `invalid_${snakeCase(field)}` : 'invalid_input';
  const message = field ? `${first.path.join('.')}: ${first.message}` : first.message;
  return fail(kind, code, message, issues);
}

function fail(kind: ErrorKind, code: string, message: string, issues: unknown[]): never {
  throw new DomainError(kind, code, message, { issues });
}

const snakeCase = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();

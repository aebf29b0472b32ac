import type { ZodType, core } from 'zod';
import { DomainError, type ErrorKind } from '../../core/errors/domain-error';

/**
 * Parses input with a zod schema, turning the first problem into a stable error code that names
 * the field (`invalid_role`, `invalid_territories`); every problem is listed in `details.issues`.
 */
export function validate<T>(schema: ZodType<T>, input: unknown, kind: ErrorKind): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(issueDetails);
  const first = parsed.error.issues[0]!;
  const field = first.path.length ? String(first.path[0]) : null;
  const code = field ? `invalid_${snakeCase(field)}` : 'invalid_input';
  const message = field ? `${first.path.join('.')}: ${first.message}` : first.message;
  return fail(kind, code, message, issues);
}

/**
 * One issue as clients get it: `field` and `message` (the contract), then what kind of problem
 * it is and its limits, added so a client can say it in its own words ("pick at least one
 * channel") rather than show the validator's English.
 */
export interface IssueDetails {
  field: string | null;
  message: string;
  /** zod's issue code: too_small, too_big, invalid_type, invalid_format, invalid_value, custom… */
  kind: string;
  /** What a too_small/too_big measured: string (characters), number, array (items), date… */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** False when the limit itself is not allowed (more than 0, not at least 0). */
  inclusive?: boolean;
  /** The string format an invalid_format wanted: uuid, email, regex, date, datetime… */
  format?: string;
  /** The type an invalid_type wanted: string, number, array… */
  expected?: string;
}

function issueDetails(issue: core.$ZodIssue): IssueDetails {
  const details: IssueDetails = { field: issue.path.join('.') || null, message: issue.message, kind: issue.code };
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    details.origin = issue.origin;
    if (issue.inclusive !== undefined) details.inclusive = issue.inclusive;
  }
  // Limits go as numbers: a bigint would make the reply's JSON throw.
  if (issue.code === 'too_small') details.minimum = Number(issue.minimum);
  if (issue.code === 'too_big') details.maximum = Number(issue.maximum);
  if (issue.code === 'invalid_format') details.format = issue.format;
  if (issue.code === 'invalid_type') details.expected = issue.expected;
  return details;
}

function fail(kind: ErrorKind, code: string, message: string, issues: unknown[]): never {
  throw new DomainError(kind, code, message, { issues });
}

const snakeCase = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();

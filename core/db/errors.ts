/** SQLSTATE codes the code reacts to. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
} as const;

/** What node-postgres's and PGlite's DatabaseError both carry. */
export interface DriverDatabaseError extends Error {
  /** SQLSTATE. */
  code: string;
  severity: string;
  constraint?: string;
}

const isDriverDatabaseError = (e: Error): e is DriverDatabaseError =>
  typeof (e as Partial<DriverDatabaseError>).code === 'string' && typeof (e as Partial<DriverDatabaseError>).severity === 'string';

/**
 * The server's error behind a failed query, whichever driver: drizzle wraps it in a
 * DrizzleQueryError, as its `cause`.
 */
export function databaseError(error: unknown): DriverDatabaseError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (isDriverDatabaseError(e)) return e;
  }
  return undefined;
}

/** True when `error` is a unique violation, of the named constraint when one is given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = databaseError(error);
  return e?.code === SqlState.uniqueViolation && (constraint === undefined || e.constraint === constraint);
}

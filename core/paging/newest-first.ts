import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Page } from '../contract/page';
import { encodePageCursor, type PageCursor } from './page-cursor';

// Keyset pagination, newest first, on a (timestamptz, uuid id) pair, with the cursor of
// page-cursor.ts (the last row's time in PostgreSQL's microseconds and its id).

/** The column as microseconds since the epoch, as text (a bigint would not fit a JS number exactly). */
export const micros = (time: PgColumn): SQL<string> => sql<string>`(extract(epoch from ${time}) * 1000000)::bigint::text`;

/** Rows after the cursor in newest-first order. */
export const olderThan = (time: PgColumn, id: PgColumn, cursor: PageCursor): SQL =>
  sql`(${time}, ${id}) < (timestamptz 'epoch' + ${cursor.createdAtUs}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;

/**
 * The page from rows fetched with `limit + 1`: the extra row only says whether more follow.
 * `key` gives a row's (microseconds, id).
 */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => PageCursor, view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodePageCursor(key(last)) : null };
}

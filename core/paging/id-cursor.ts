import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Page } from '../contract/page';

/**
 * Keyset pagination whose cursor is the id of the last row seen. The row's sort value is read
 * back from the table rather than carried in the cursor: timestamps are stored to the
 * microsecond but a JavaScript Date holds milliseconds, so a cursor carrying the time would
 * skip or repeat rows. An unknown cursor matches nothing (an empty last page).
 */
export function afterCursor(table: PgTable, sortColumn: PgColumn, idColumn: PgColumn, cursor: string, order: 'asc' | 'desc'): SQL {
  const comparison = order === 'asc' ? sql`>` : sql`<`;
  return sql`(${sortColumn}, ${idColumn}) ${comparison} (select ${sortColumn}, ${idColumn} from ${table} where ${idColumn} = ${cursor})`;
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says that more exist. */
export function toIdPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

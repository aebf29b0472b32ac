import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db';

/**
 * Copies every table of the `public` schema from one database to another with the same schema
 * (both migrated to the same version), parents before children. Rows travel as JSON made by
 * the source (`row_to_json`) and read back by the target (`json_populate_recordset`), so every
 * column type (jsonb, arrays, enums, timestamps, numerics) arrives exactly as PostgreSQL wrote
 * it, with no JavaScript conversion in between. Inserts skip rows already there (by primary
 * key), so an interrupted copy simply runs again; a table whose counts already match is skipped.
 */
export interface TableCopy {
  table: string;
  sourceRows: number;
  targetRows: number;
  skipped: boolean;
}

/** A batch is one JSON document in memory on both sides: small enough for rows with big jsonb. */
export const BATCH_ROWS = 1_000;

/** `first`: tables without parents to copy before all others; `batchRows`: rows a statement carries. */
export async function copyTables(
  source: Db,
  target: Db,
  onProgress: (table: string, copied: number, total: number) => void,
  { first = [], batchRows = BATCH_ROWS }: { first?: string[]; batchRows?: number } = {},
): Promise<TableCopy[]> {
  const results: TableCopy[] = [];
  const ordered = await tablesInInsertOrder(source);
  for (const table of [...first.filter((t) => ordered.includes(t)), ...ordered.filter((t) => !first.includes(t))]) {
    const sourceRows = await countRows(source, table);
    const before = await countRows(target, table);
    if (before === sourceRows) {
      results.push({ table, sourceRows, targetRows: before, skipped: true });
      onProgress(table, sourceRows, sourceRows);
      continue;
    }
    await copyTable(source, target, table, batchRows, (copied) => onProgress(table, copied, sourceRows));
    results.push({ table, sourceRows, targetRows: await countRows(target, table), skipped: false });
  }
  return results;
}

/** Tables whose rows are not in both databases in equal numbers: empty when the copy is verified. */
export const unverifiedTables = (copies: TableCopy[]): TableCopy[] => copies.filter((c) => c.sourceRows !== c.targetRows);

/** Rows in every table of `public`: a target with any is not a fresh database. */
export async function rowsInAllTables(db: Db): Promise<number> {
  let total = 0;
  for (const table of await tablesInInsertOrder(db)) total += await countRows(db, table);
  return total;
}

async function copyTable(source: Db, target: Db, table: string, batchRows: number, onBatch: (copied: number) => void): Promise<void> {
  const key = await primaryKey(source, table);
  const keyList = sql.raw(key.map(quoteIdent).join(', '));
  let after: string[] | null = null;
  let copied = 0;
  for (;;) {
    const where: SQL = after
      ? sql`where (${keyList}) > (${sql.join(
          after.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : sql``;
    const { rows } = await source.execute<{ batch: string | null; last: string | null; n: number }>(sql`
      select json_agg(to_json(t) order by ${keyList})::text as batch,
             (array_agg(json_build_array(${sql.raw(key.map((k) => `${quoteIdent(k)}::text`).join(', '))}) order by ${keyList} desc))[1]::text as last,
             count(*)::int as n
      from (select * from ${sql.raw(quoteIdent(table))} ${where} order by ${keyList} limit ${batchRows}) t`);
    const batch: { batch: string | null; last: string | null; n: number } | undefined = rows[0];
    if (!batch?.batch || !batch.last) return;
    await target.execute(sql`
      insert into ${sql.raw(quoteIdent(table))}
      select * from json_populate_recordset(null::${sql.raw(quoteIdent(table))}, ${batch.batch}::json)
      on conflict do nothing`);
    copied += batch.n;
    onBatch(copied);
    after = JSON.parse(batch.last) as string[]; // the batch's last key, where the next one starts
  }
}

/**
 * Parents before children, from the foreign keys in the catalog. A table that references
 * itself is fine only when its rows arrive parents first, which ordering by key does not
 * promise: none does today, and this refuses rather than fail halfway should one appear.
 */
export async function tablesInInsertOrder(db: Db): Promise<string[]> {
  const { rows: tables } = await db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const { rows: edges } = await db.execute<{ child: string; parent: string }>(sql`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`);
  const selfReferencing = edges.find((e) => e.child === e.parent);
  if (selfReferencing) throw new Error(`Table ${selfReferencing.child} references itself: copying it needs an order this command does not know`);
  const parents = new Map(tables.map((t) => [unquote(t.name), new Set<string>()]));
  for (const e of edges) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const ordered: string[] = [];
  const visit = (table: string, path: string[]): void => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`Foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of parents.keys()) visit(table, []);
  return ordered;
}

async function primaryKey(db: Db, table: string): Promise<string[]> {
  const { rows } = await db.execute<{ column: string }>(sql`
    select a.attname as column
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${quoteIdent(table)}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`);
  if (!rows.length) throw new Error(`Table ${table} has no primary key: its rows cannot be copied resumably`);
  return rows.map((r) => r.column);
}

async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(quoteIdent(table))}`);
  return rows[0]!.n;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** regclass text quotes names only when it must. */
const unquote = (name: string): string => name.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');

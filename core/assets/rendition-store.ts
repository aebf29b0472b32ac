import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { renditions, type Db, type NewRendition, type Rendition } from '../db';

/** A rendition row before its hash: the store derives `specHash` from `spec`. */
export type RenditionInput = Omit<NewRendition, 'id' | 'specHash' | 'createdAt'>;

/**
 * The stable hash of a spec: sha256 of its JSON with keys sorted, so `{ width, format }` and
 * `{ format, width }` name the same rendition.
 */
export function specHash(spec: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(spec).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * Records renditions in one INSERT statement, so all or none. A row for the same (asset, kind, spec)
 * is replaced in place (same id), so a retried job updates its own output instead of adding a copy.
 */
export async function upsertRenditions(db: Db, rows: readonly RenditionInput[]): Promise<Rendition[]> {
  if (!rows.length) return [];
  return db
    .insert(renditions)
    .values(rows.map((row) => ({ ...row, specHash: specHash(row.spec) })))
    .onConflictDoUpdate({
      target: [renditions.assetId, renditions.kind, renditions.specHash],
      set: {
        spec: sql`excluded.spec`,
        format: sql`excluded.format`,
        width: sql`excluded.width`,
        height: sql`excluded.height`,
        durationS: sql`excluded.duration_s`,
        sizeBytes: sql`excluded.size_bytes`,
        storageKey: sql`excluded.storage_key`,
      },
    })
    .returning();
}

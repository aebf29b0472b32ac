import { comments, type Db } from '../../core/db';
import type { ApiClient } from './api-client';
import { DEMO_COMMENTS, type DemoComment } from './demo-comments';
import type { Tally } from './tally';

const IMPORT_PATH = '/api/v1/comments/import';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Imports the demo comments, each linked to its product and to the post it was left under.
 * Through `POST /api/v1/comments/import` once the API has it; until the comment-mining issue
 * adds that route, straight into the `comments` table. Both keep (platform, externalId)
 * unique, so a second run adds nothing.
 */
export async function seedComments(api: ApiClient, db: Db, assetIds: ReadonlyMap<string, string>): Promise<Tally> {
  const now = Date.now();
  const rows = DEMO_COMMENTS.map((c) => commentRow(c, assetIds, now));
  if (await apiHasRoute(api, IMPORT_PATH)) {
    const { body } = await api.post<{ accepted: number; duplicates: number }>(IMPORT_PATH, rows);
    return { created: body.accepted, existing: body.duplicates };
  }
  const inserted = await db
    .insert(comments)
    .values(rows.map((r) => ({ ...r, postedAt: new Date(r.postedAt) })))
    .onConflictDoNothing({ target: [comments.platform, comments.externalId] })
    .returning({ id: comments.id });
  return { created: inserted.length, existing: rows.length - inserted.length };
}

function commentRow(c: DemoComment, assetIds: ReadonlyMap<string, string>, now: number) {
  return {
    platform: c.platform,
    externalId: c.externalId,
    text: c.text,
    author: c.author,
    postedAt: new Date(now - c.daysAgo * DAY_MS).toISOString(),
    assetId: assetIds.get(c.media) ?? null,
    productSku: c.sku,
  };
}

async function apiHasRoute(api: ApiClient, path: string): Promise<boolean> {
  const doc = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
  return Boolean(doc.paths[path]?.post);
}

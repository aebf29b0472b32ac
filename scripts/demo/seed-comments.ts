import type { ApiClient } from './api-client';
import { DEMO_COMMENTS, type DemoComment } from './demo-comments';
import type { Tally } from './tally';

const IMPORT_PATH = '/api/v1/comments/import';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Imports the demo comments through `POST /api/v1/comments/import`, each linked to its product
 * and to the post it was left under; the workers classify them and file the questions into
 * FAQ entries. (platform, externalId) is unique, so a second run adds nothing.
 */
export async function seedComments(api: ApiClient, assetIds: ReadonlyMap<string, string>): Promise<Tally> {
  const now = Date.now();
  const rows = DEMO_COMMENTS.map((c) => commentRow(c, assetIds, now));
  const { body } = await api.post<{ accepted: number; duplicates: number }>(IMPORT_PATH, rows);
  return { created: body.accepted, existing: body.duplicates };
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

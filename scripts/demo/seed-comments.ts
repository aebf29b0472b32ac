import type { ApiClient } from './api-client';
import type { DemoComment } from './demo-comments';
import type { Tally } from './tally';

const IMPORT_PATH = '/api/v1/comments/import';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SeededComments {
  tally: Tally;
  /** The classification of the new comments (GET /api/v1/jobs/:id); null when none were new. */
  jobId: string | null;
}

interface ImportReport {
  jobId: string | null;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  rejected: Array<{ row: number; code: string; message: string }>;
}

/**
 * Imports the demo comments through `POST /api/v1/comments/import`, each linked to its product
 * and to the post it was left under; the workers classify them and file the questions into
 * FAQ entries. (platform, externalId) is unique, so a second run adds nothing. A refused row is
 * a mistake in the demo's own data, so it stops the demo naming it.
 */
export async function seedComments(api: ApiClient, comments: readonly DemoComment[], assetIds: ReadonlyMap<string, string>): Promise<SeededComments> {
  const now = Date.now();
  const { body } = await api.post<ImportReport>(
    IMPORT_PATH,
    comments.map((c) => commentRow(c, assetIds, now)),
  );
  if (body.rejectedCount > 0) {
    const first = body.rejected[0]!;
    throw new Error(
      `${body.rejectedCount} demo comments were refused, the first (${comments[first.row - 1]?.externalId ?? first.row}): ${first.code} ${first.message}`,
    );
  }
  return { tally: { created: body.accepted, existing: body.duplicates }, jobId: body.jobId };
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

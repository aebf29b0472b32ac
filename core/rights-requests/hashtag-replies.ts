import { and, eq, gt, inArray, isNotNull, like } from 'drizzle-orm';
import { comments, creators, rightsRequests, type Db } from '../db';
import type { Services } from '../runtime/services';
import { normalizeHandle } from '../text/identifier-text';
import { queueDeliveries } from '../webhooks/webhook-outbox';
import { grantRequest } from './grant-request';
import { effectiveStatus, lockRequest } from './rights-request-store';

type Reply = Pick<typeof comments.$inferSelect, 'id' | 'platform' | 'externalId' | 'author' | 'text' | 'postedAt' | 'importedAt' | 'permalink'>;

/**
 * A creator may say yes by commenting the request's hashtag (#takMarka). Among these comments,
 * each one written by the creator a pending request was sent to (same platform, same handle as
 * platforms compare them), after the request was made, and carrying its hashtag as a whole tag,
 * grants that request with the comment as the evidence. Anyone else's comment never grants.
 * Safe to run again on the same comments: a granted request is no longer pending.
 * Returns the requests granted.
 */
export async function grantByReplies(services: Services, commentIds: readonly string[]): Promise<string[]> {
  const { db } = services.database;
  const replies = await repliesAmong(db, commentIds);
  if (replies.length === 0) return [];
  const granted: string[] = [];
  for (const request of await requestsTo(db, replies)) {
    const reply = replies.find((r) => answers(r, request));
    if (reply && (await grantWithReply(services, request.id, reply))) granted.push(request.id);
  }
  return granted;
}

/** Comments with an author and a `#` somewhere: the only ones that could be a reply. */
const repliesAmong = (db: Db, ids: readonly string[]): Promise<Reply[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: comments.id,
          platform: comments.platform,
          externalId: comments.externalId,
          author: comments.author,
          text: comments.text,
          postedAt: comments.postedAt,
          importedAt: comments.importedAt,
          permalink: comments.permalink,
        })
        .from(comments)
        .where(and(inArray(comments.id, [...ids]), isNotNull(comments.author), like(comments.text, '%#%')))
        .orderBy(comments.postedAt, comments.importedAt);

interface OpenRequest {
  id: string;
  hashtag: string;
  platform: string;
  handle: string;
  createdAt: Date;
}

/** Pending requests sent to any of the replies' authors. */
function requestsTo(db: Db, replies: readonly Reply[]): Promise<OpenRequest[]> {
  const handles = [...new Set(replies.map((r) => normalizeHandle(r.author!)))];
  return db
    .select({
      id: rightsRequests.id,
      hashtag: rightsRequests.replyHashtag,
      platform: creators.platform,
      handle: creators.handle,
      createdAt: rightsRequests.createdAt,
    })
    .from(rightsRequests)
    .innerJoin(creators, eq(creators.id, rightsRequests.creatorId))
    .where(and(eq(rightsRequests.status, 'pending'), gt(rightsRequests.expiresAt, new Date()), inArray(creators.handle, handles)));
}

function answers(reply: Reply, request: OpenRequest): boolean {
  const writtenAt = reply.postedAt ?? reply.importedAt;
  return (
    reply.platform === request.platform &&
    normalizeHandle(reply.author!) === request.handle &&
    writtenAt.getTime() >= request.createdAt.getTime() &&
    hasHashtag(reply.text, request.hashtag)
  );
}

/** The tag as a whole word, in any case: `#takMarka!` counts, `#takMarkaPL` does not. */
export function hasHashtag(text: string, hashtag: string): boolean {
  const escaped = hashtag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(text.normalize('NFKC'));
}

async function grantWithReply(services: Services, requestId: string, reply: Reply): Promise<boolean> {
  const result = await services.database.db.transaction(async (tx) => {
    const locked = await lockRequest(tx, requestId);
    if (effectiveStatus(locked.row, new Date()) !== 'pending') return null;
    return grantRequest(tx, services, locked, {
      signer: { name: `@${locked.creatorHandle}`, email: '—' },
      evidence: (shown, sha256, at) => ({
        method: 'hashtag',
        text: shown.text,
        sha256,
        language: locked.row.language,
        acceptedAt: at.toISOString(),
        comment: {
          id: reply.id,
          platform: reply.platform,
          externalId: reply.externalId,
          author: reply.author!,
          text: reply.text,
          postedAt: reply.postedAt?.toISOString() ?? null,
          permalink: reply.permalink,
        },
      }),
    });
  });
  if (result) await queueDeliveries(services, result.deliveries);
  return result !== null;
}

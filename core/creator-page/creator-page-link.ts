import { eq } from 'drizzle-orm';
import { isValidSignedLink, newLinkNonce, recordIdOf, signedLinkToken } from '../access/signed-link';
import { recordAudit } from '../audit/audit-log';
import { creatorPageLinks, creators, type Db } from '../db';
import { DomainError, notFound, unprocessable } from '../errors/domain-error';

/** How long a creator's page link works when the brand does not say. */
export const DEFAULT_PAGE_LINK_DAYS = 30;
/** The longest a page link may work: it shows where their content runs, so it should not live forever. */
export const MAX_PAGE_LINK_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PageLink {
  url: string;
  expiresAt: string;
}

/** Where the brand's API is reached and what signs links. */
export interface PageLinkSettings {
  secret: string;
  baseUrl: string;
}

const pageUrl = (link: PageLinkSettings, creatorId: string, nonce: string): string =>
  `${link.baseUrl}/c/${signedLinkToken(link.secret, 'creator-page-link', creatorId, nonce)}`;

/**
 * Makes the creator's page link, replacing the earlier one (which stops working at once):
 * a fresh nonce, a new expiry, an audit entry naming who made it.
 */
export async function makeCreatorPageLink(
  db: Db,
  link: PageLinkSettings,
  actorKeyId: string | null,
  creatorId: string,
  expiresAt: Date | undefined,
  now = new Date(),
): Promise<PageLink> {
  const until = expiresAt ?? new Date(now.getTime() + DEFAULT_PAGE_LINK_DAYS * DAY_MS);
  if (until.getTime() <= now.getTime()) throw unprocessable('expires_in_past', 'The link must expire in the future');
  if (until.getTime() > now.getTime() + MAX_PAGE_LINK_DAYS * DAY_MS)
    throw unprocessable('expires_too_late', `A creator's page link may work for at most ${MAX_PAGE_LINK_DAYS} days`);
  const nonce = newLinkNonce();
  await db.transaction(async (tx) => {
    await assertCreator(tx, creatorId);
    const values = { creatorId, nonce, expiresAt: until, createdBy: actorKeyId, createdAt: now };
    await tx.insert(creatorPageLinks).values(values).onConflictDoUpdate({ target: creatorPageLinks.creatorId, set: values });
    const after = { expiresAt: until.toISOString() };
    await recordAudit(tx, { actorKeyId, action: 'creator.page_link', entityType: 'creator', entityId: creatorId, before: null, after });
  });
  return { url: pageUrl(link, creatorId, nonce), expiresAt: until.toISOString() };
}

/** Revokes the creator's page link, if there is one: every copy of it stops working. */
export async function revokeCreatorPageLink(db: Db, actorKeyId: string | null, creatorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await assertCreator(tx, creatorId);
    const removed = await tx.delete(creatorPageLinks).where(eq(creatorPageLinks.creatorId, creatorId)).returning({ expiresAt: creatorPageLinks.expiresAt });
    if (removed.length === 0) return;
    await recordAudit(tx, {
      actorKeyId,
      action: 'creator.page_link_revoke',
      entityType: 'creator',
      entityId: creatorId,
      before: null,
      after: { revoked: true },
    });
  });
}

/** A link we never made, altered, revoked or replaced: the same answer for all, so none can be told apart. */
const unknownLink = (): DomainError => new DomainError('not_found', 'creator_link_invalid', 'This link is not valid: check that it was copied whole');

/** The creator a page link opens; 404 for a link that is not (or no longer) theirs, 410 once it has expired. */
export async function creatorOfPageLink(db: Db, secret: string, token: string, now = new Date()): Promise<string> {
  const creatorId = recordIdOf(token);
  if (!creatorId) throw unknownLink();
  const [row] = await db.select().from(creatorPageLinks).where(eq(creatorPageLinks.creatorId, creatorId));
  if (!row || !isValidSignedLink(secret, 'creator-page-link', token, creatorId, row.nonce)) throw unknownLink();
  if (row.expiresAt.getTime() <= now.getTime())
    throw new DomainError('gone', 'creator_link_expired', 'This link has expired: ask the brand for a new one', { expiresAt: row.expiresAt.toISOString() });
  return creatorId;
}

async function assertCreator(tx: Db, creatorId: string): Promise<void> {
  const [row] = await tx.select({ id: creators.id }).from(creators).where(eq(creators.id, creatorId)).for('update');
  if (!row) throw notFound('creator', creatorId);
}

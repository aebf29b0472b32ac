import { eq } from 'drizzle-orm';
import { rightsRequests, type Db } from '../db';
import { DomainError } from '../errors/domain-error';
import { isValidLink, requestIdOf } from './request-link';
import { effectiveStatus, getRightsRequest, lockRequest, type StoredRequest } from './rights-request-store';

/** A link we never made, or one altered: the same answer as for a request that does not exist. */
const unknownLink = (): DomainError => new DomainError('not_found', 'request_link_invalid', 'This link is not valid: check that it was copied whole');

/** Why a real link can no longer be answered: 410, with the request's state. */
const closed = (status: string): DomainError =>
  new DomainError('gone', `request_${status}`, `This request is ${status} and can no longer be answered`, { status });

/** The id a creator's link opens, after checking its signature against the request's current nonce. */
async function linkedRequestId(db: Db, secret: string, token: string): Promise<string> {
  const id = requestIdOf(token);
  if (!id) throw unknownLink();
  const [row] = await db.select({ nonce: rightsRequests.linkNonce }).from(rightsRequests).where(eq(rightsRequests.id, id));
  if (!row || !isValidLink(secret, token, id, row.nonce)) throw unknownLink();
  return id;
}

/** The request behind a creator's link, whatever its state (the page says why it cannot be answered). */
export async function requestOfLink(db: Db, secret: string, token: string): Promise<StoredRequest> {
  return getRightsRequest(db, await linkedRequestId(db, secret, token));
}

/** The pending request behind a link, locked for the rest of the transaction; 404 or 410 otherwise. */
export async function lockAnswerable(tx: Db, secret: string, token: string, now: Date): Promise<StoredRequest> {
  const stored = await lockRequest(tx, await linkedRequestId(tx, secret, token));
  const status = effectiveStatus(stored.row, now);
  if (status !== 'pending') throw closed(status);
  return stored;
}

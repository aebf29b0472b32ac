import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A link a person without an account opens: `<record id>.<signature>`, the signature an HMAC of
 * the purpose, the id and the record's current nonce under the installation's signing secret.
 * Unguessable (256 bits), checkable without storing the link (so the brand can copy it again
 * later), tied to one record and one purpose (a rights-request link never opens a creator's
 * page), and revocable: a new nonce kills every earlier link.
 */
export type LinkPurpose = 'rights-request-link' | 'creator-page-link';

const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export const newLinkNonce = (): string => randomBytes(16).toString('hex');

export function signedLinkToken(secret: string, purpose: LinkPurpose, recordId: string, nonce: string): string {
  return `${recordId}.${signature(secret, purpose, recordId, nonce)}`;
}

/** The record id a token names, or null when it is not shaped like one of ours. */
export function recordIdOf(token: string): string | null {
  return TOKEN.exec(token)?.[1] ?? null;
}

/** Whether `token` is the link this record's current nonce signs for this purpose. */
export function isValidSignedLink(secret: string, purpose: LinkPurpose, token: string, recordId: string, nonce: string): boolean {
  const given = Buffer.from(token);
  const expected = Buffer.from(signedLinkToken(secret, purpose, recordId, nonce));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const signature = (secret: string, purpose: LinkPurpose, recordId: string, nonce: string): string =>
  createHmac('sha256', secret).update(`${purpose}\n${recordId}\n${nonce}`).digest('base64url');

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The creator's link to a rights request: `<request id>.<signature>`, the signature an HMAC of
 * the id and the request's nonce under the installation's signing secret. Unguessable (256
 * bits), checkable without storing the link (so the brand can copy it again later), tied to one
 * request, and revocable: a new nonce kills every earlier link.
 */
const PURPOSE = 'rights-request-link';
const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export const newLinkNonce = (): string => randomBytes(16).toString('hex');

export function linkToken(secret: string, requestId: string, nonce: string): string {
  return `${requestId}.${signature(secret, requestId, nonce)}`;
}

/** The request id a token names, or null when it is not shaped like one of ours. */
export function requestIdOf(token: string): string | null {
  return TOKEN.exec(token)?.[1] ?? null;
}

/** Whether `token` is the link this request's current nonce signs. */
export function isValidLink(secret: string, token: string, requestId: string, nonce: string): boolean {
  const given = Buffer.from(token);
  const expected = Buffer.from(linkToken(secret, requestId, nonce));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const signature = (secret: string, requestId: string, nonce: string): string =>
  createHmac('sha256', secret).update(`${PURPOSE}\n${requestId}\n${nonce}`).digest('base64url');

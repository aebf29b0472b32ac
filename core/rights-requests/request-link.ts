import { isValidSignedLink, recordIdOf, signedLinkToken } from '../access/signed-link';

/** The creator's link to a rights request: a signed link (core/access/signed-link) over the request's id and nonce. */
export { newLinkNonce } from '../access/signed-link';

export const linkToken = (secret: string, requestId: string, nonce: string): string => signedLinkToken(secret, 'rights-request-link', requestId, nonce);

/** The request id a token names, or null when it is not shaped like one of ours. */
export const requestIdOf = recordIdOf;

/** Whether `token` is the link this request's current nonce signs. */
export const isValidLink = (secret: string, token: string, requestId: string, nonce: string): boolean =>
  isValidSignedLink(secret, 'rights-request-link', token, requestId, nonce);

import { createHmac } from 'node:crypto';
import type { Services } from '../runtime/services';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';
import { grantRequest } from './grant-request';
import { lockAnswerable } from './open-request';
import { changeRequest, type StoredRequest } from './rights-request-store';

export interface Acceptance {
  name: string;
  email: string;
}

/** Where an answer on the creator's page came from, kept with it. */
export interface AnswerContext {
  token: string;
  /** The page's address the creator answered on. */
  link: string;
  userAgent: string | null;
  ip: string;
}

/**
 * The creator says yes on their page: the request is granted (grantRequest) with what they gave
 * (name, e-mail, the explicit yes) and where it came from. Any failure leaves the request
 * pending, to be answered again; a second answer on the same link gets 410.
 */
export async function acceptRightsRequest(services: Services, answer: Acceptance, context: AnswerContext): Promise<StoredRequest> {
  const { stored, deliveries } = await services.database.db.transaction(async (tx) => {
    const locked = await lockAnswerable(tx, services.signingSecret, context.token, new Date());
    return grantRequest(tx, services, locked, {
      signer: answer,
      evidence: (shown, sha256, at) => ({
        method: 'link',
        text: shown.text,
        sha256,
        language: locked.row.language,
        acceptedAt: at.toISOString(),
        name: answer.name,
        email: answer.email,
        userAgent: context.userAgent,
        ipHash: createHmac('sha256', services.signingSecret).update(`ip\n${context.ip}`).digest('hex'),
        link: context.link,
      }),
    });
  });
  await queueDeliveries(services, deliveries);
  return stored;
}

/** The creator says no, optionally why. Final: the link answers nothing after this. */
export async function declineRightsRequest(services: Services, reason: string | null, context: AnswerContext): Promise<StoredRequest> {
  const { stored, deliveries } = await services.database.db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockAnswerable(tx, services.signingSecret, context.token, now);
    const stored = await changeRequest(tx, null, locked, 'rights_request.decline', { status: 'declined', declineReason: reason, answeredAt: now });
    const event = { requestId: stored.row.id, creatorId: stored.row.creatorId, status: 'declined', at: now.toISOString() };
    return { stored, deliveries: await recordDeliveries(tx, 'rights_request.declined', event) };
  });
  await queueDeliveries(services, deliveries);
  return stored;
}

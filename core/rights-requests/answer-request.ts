import { createHash, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { z } from 'zod';
import type { RequestEvidenceView } from '../contract/rights-request-replies';
import { rightsRequests } from '../db';
import { DomainError } from '../errors/domain-error';
import { attachContract, createLicense } from '../licensing/license-changes';
import { ProposedTermsInput } from '../licensing/license-terms';
import type { Services } from '../runtime/services';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';
import { renderContractPdf } from './contract-pdf';
import { lockAnswerable } from './open-request';
import { licenseTerms, type RequestTerms } from './request-input';
import { requestPlainWords } from './request-plain-words';
import { auditable, RIGHTS_REQUEST_ENTITY, type StoredRequest } from './rights-request-store';

export interface Acceptance {
  name: string;
  email: string;
}

/** Where an answer came from, kept with it. */
export interface AnswerContext {
  token: string;
  /** The page's address the creator answered on. */
  link: string;
  userAgent: string | null;
  ip: string;
}

export type RequestEvidence = z.input<typeof RequestEvidenceView>;

/**
 * The creator says yes. In one transaction: the license is created active over exactly the
 * proposed terms, the contract PDF (the text the creator saw, who agreed, its SHA-256) is stored
 * and attached to it, the request records the evidence and the license, the audit log says who
 * accepted, and `rights_request.accepted` deliveries are recorded. Any failure leaves the
 * request pending, to be answered again. A second answer on the same link gets 410.
 */
export async function acceptRightsRequest(services: Services, answer: Acceptance, context: AnswerContext): Promise<StoredRequest> {
  const { db } = services.database;
  const brand = { brandName: services.config.brandName, timeZone: services.config.brandTimeZone };
  const { stored, deliveries } = await db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockAnswerable(tx, services.signingSecret, context.token, now);
    const { row, assetIds } = locked;
    const shown = await requestPlainWords(tx, locked, brand);
    const evidence: RequestEvidence = {
      method: 'link',
      text: shown.text,
      sha256: createHash('sha256').update(shown.text).digest('hex'),
      language: row.language,
      acceptedAt: now.toISOString(),
      name: answer.name,
      email: answer.email,
      userAgent: context.userAgent,
      ipHash: createHmac('sha256', services.signingSecret).update(`ip\n${context.ip}`).digest('hex'),
      link: context.link,
    };
    const license = await createLicense(tx, null, licenseTerms(row.creatorId, assetIds, termsFrom(row.terms, now)));
    const pdf = await renderContractPdf({
      language: row.language,
      plainWords: shown,
      termsJson: row.terms,
      evidence: { ...evidence, acceptedAt: now, requestId: row.id, licenseId: license.id },
      brand: brand.brandName,
      creatorHandle: locked.creatorHandle,
    });
    await attachContract(tx, services.storage, null, license.id, { bytes: pdf, filename: `contract-${license.id}.pdf` });
    const [updated] = await tx
      .update(rightsRequests)
      .set({ status: 'accepted', licenseId: license.id, evidence, answeredAt: now })
      .where(eq(rightsRequests.id, row.id))
      .returning();
    await recordAudit(tx, {
      actorKeyId: null,
      action: 'rights_request.accept',
      entityType: RIGHTS_REQUEST_ENTITY,
      entityId: row.id,
      before: auditable(row, assetIds),
      after: auditable(updated!, assetIds),
    });
    const event = { requestId: row.id, creatorId: row.creatorId, status: 'accepted', licenseId: license.id, at: now.toISOString() };
    return { stored: { ...locked, row: updated! }, deliveries: await recordDeliveries(tx, 'rights_request.accepted', event) };
  });
  await queueDeliveries(services, deliveries);
  return stored;
}

/** The creator says no, optionally why. Final: the link answers nothing after this. */
export async function declineRightsRequest(services: Services, reason: string | null, context: AnswerContext): Promise<StoredRequest> {
  const { stored, deliveries } = await services.database.db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockAnswerable(tx, services.signingSecret, context.token, now);
    const { row, assetIds } = locked;
    const [updated] = await tx
      .update(rightsRequests)
      .set({ status: 'declined', declineReason: reason, answeredAt: now })
      .where(eq(rightsRequests.id, row.id))
      .returning();
    await recordAudit(tx, {
      actorKeyId: null,
      action: 'rights_request.decline',
      entityType: RIGHTS_REQUEST_ENTITY,
      entityId: row.id,
      before: auditable(row, assetIds),
      after: auditable(updated!, assetIds),
    });
    const event = { requestId: row.id, creatorId: row.creatorId, status: 'declined', at: now.toISOString() };
    return { stored: { ...locked, row: updated! }, deliveries: await recordDeliveries(tx, 'rights_request.declined', event) };
  });
  await queueDeliveries(services, deliveries);
  return stored;
}

/**
 * The proposed terms as the license takes them. A period that was to start before the answer
 * starts at the answer: rights never reach back to before the creator agreed.
 */
function termsFrom(json: unknown, now: Date): RequestTerms {
  const terms = ProposedTermsInput.parse(json);
  if (terms.endsAt !== null && terms.endsAt.getTime() <= now.getTime()) {
    throw new DomainError('gone', 'request_terms_ended', 'The period this request proposed has already ended: ask the brand for a new one');
  }
  return terms.startsAt.getTime() < now.getTime() ? { ...terms, startsAt: now } : terms;
}

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { RequestEvidenceView } from '../contract/rights-request-replies';
import type { Db, RightsRequest } from '../db';
import { DomainError } from '../errors/domain-error';
import { attachContract, createLicense, updateLicense } from '../licensing/license-changes';
import type { LicenseRecord } from '../licensing/license-record';
import { StoredProposedTerms, type LicenseTermsValues } from '../licensing/license-terms';
import { generatedContractKey } from '../storage/object-keys';
import type { Services } from '../runtime/services';
import { recordDeliveries } from '../webhooks/webhook-outbox';
import { renderContractPdf } from './contract-pdf';
import { licenseTerms, type RequestTerms } from './request-input';
import { requestPlainWords } from './request-plain-words';
import type { PlainWords } from './terms-in-plain-words';
import { changeRequest, type StoredRequest } from './rights-request-store';

export type RequestEvidence = z.input<typeof RequestEvidenceView>;

/** How a yes is told apart: the evidence it leaves, and the party named in the contract. */
export interface Yes {
  evidence: (shown: PlainWords, sha256: string, at: Date) => RequestEvidence;
  signer: { name: string; email: string };
}

/**
 * Grants a pending request, locked by the caller's transaction: the license is created active
 * over exactly the proposed terms, the contract PDF (the text the creator saw, who agreed, its
 * SHA-256) is stored and attached, the request keeps the evidence and the license, the audit
 * log says how the creator accepted, and `rights_request.accepted` deliveries are recorded
 * (the caller queues them after the commit). Returns the request and those deliveries.
 */
export async function grantRequest(tx: Db, services: Services, locked: StoredRequest, yes: Yes): Promise<{ stored: StoredRequest; deliveries: string[] }> {
  const now = new Date();
  const { row, assetIds } = locked;
  const shown = await requestPlainWords(tx, locked, { brandName: services.config.brandName, timeZone: services.config.brandTimeZone });
  const evidence = yes.evidence(shown, createHash('sha256').update(shown.text).digest('hex'), now);
  const license = await licenseFor(tx, row, licenseTerms(row.creatorId, assetIds, termsFrom(row.terms, now)));
  const pdf = await renderContractPdf({
    language: row.language,
    plainWords: shown,
    termsJson: row.terms,
    evidence: { ...yes.signer, sha256: evidence.sha256, method: evidence.method, acceptedAt: now, requestId: row.id, licenseId: license.id },
    brand: services.config.brandName,
    creatorHandle: locked.creatorHandle,
  });
  await attachContract(tx, services.storage, null, license.id, {
    bytes: pdf,
    filename: `contract-${license.id}.pdf`,
    key: generatedContractKey(license.id, row.id),
  });
  const stored = await changeRequest(tx, null, locked, 'rights_request.accept', { status: 'accepted', licenseId: license.id, evidence, answeredAt: now });
  const event = { requestId: row.id, creatorId: row.creatorId, status: 'accepted', licenseId: license.id, method: evidence.method, at: now.toISOString() };
  return { stored, deliveries: await recordDeliveries(tx, 'rights_request.accepted', event) };
}

/**
 * A new license over the terms, or for a renewal the same license with the new terms: what it
 * covers and when it started stay, so there is no gap in what may be served (the change is
 * audited as a license update, the earlier version in its before).
 */
async function licenseFor(tx: Db, row: RightsRequest, terms: LicenseTermsValues): Promise<LicenseRecord> {
  if (!row.renewsLicenseId) return createLicense(tx, null, terms);
  return updateLicense(tx, null, row.renewsLicenseId, (current) => ({
    ...terms,
    assetIds: current.assetIds,
    creatorId: current.creatorId,
    startsAt: current.startsAt,
    notes: current.notes,
  }));
}

/**
 * The proposed terms as the license takes them. A period that was to start before the answer
 * starts at the answer: rights never reach back to before the creator agreed.
 */
function termsFrom(json: unknown, now: Date): RequestTerms {
  const terms = StoredProposedTerms.parse(json);
  if (terms.endsAt !== null && terms.endsAt.getTime() <= now.getTime()) {
    throw new DomainError('gone', 'request_terms_ended', 'The period this request proposed has already ended: ask the brand for a new one');
  }
  return terms.startsAt.getTime() < now.getTime() ? { ...terms, startsAt: now } : terms;
}

import type { z } from 'zod';
import type { RightsRequestView } from '../contract/rights-request-replies';
import { dmText } from './dm-text';
import { linkToken } from './request-link';
import { effectiveStatus, type StoredRequest } from './rights-request-store';

/** What a request's links and messages are made of: the signing secret, where the API is reached, the brand's name. */
export interface LinkSettings {
  secret: string;
  baseUrl: string;
  brandName: string;
}

/** The creator's acceptance page for a request (absolute). */
export const requestUrl = ({ row }: StoredRequest, link: LinkSettings): string => `${link.baseUrl}/r/${linkToken(link.secret, row.id, row.linkNonce)}`;

export function rightsRequestView(stored: StoredRequest, link: LinkSettings, now: Date): z.input<typeof RightsRequestView> {
  const { row, assetIds, creatorHandle } = stored;
  const url = requestUrl(stored, link);
  return {
    id: row.id,
    status: effectiveStatus(row, now),
    creatorId: row.creatorId,
    assetIds,
    terms: row.terms as z.input<typeof RightsRequestView>['terms'],
    message: row.message,
    language: row.language,
    replyHashtag: row.replyHashtag,
    expiresAt: row.expiresAt.toISOString(),
    url,
    dmText: dmText({ language: row.language, brandName: link.brandName, creatorHandle, url, replyHashtag: row.replyHashtag, message: row.message }),
    renewsLicenseId: row.renewsLicenseId,
    licenseId: row.licenseId,
    evidence: row.evidence as z.input<typeof RightsRequestView>['evidence'],
    declineReason: row.declineReason,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

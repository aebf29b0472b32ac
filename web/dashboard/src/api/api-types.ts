/**
 * The API's JSON as the dashboard reads it (see /api/openapi.json and ../shared/API-CONTRACT.md).
 * Only the fields the screens use; the API may send more.
 */

export type AssetKind = 'image' | 'video';
export type AssetStatus = 'uploaded' | 'processing' | 'ready' | 'failed';
export type AssetLicenseState = 'active' | 'expiring' | 'expired' | 'none';
export type LicenseStatus = 'draft' | 'active' | 'revoked';
import type { LicenseState } from '../../../../core/vocabulary/license-state';
export type { LicenseState };

// The label sets are the server's own (pure modules with no Node dependencies), so the
// dashboard can never offer a channel or topic the API refuses.
export { CHANNELS, PAID_CHANNELS, type Channel } from '../../../../core/vocabulary/channels';
export {
  COMMENT_TOPICS as TOPICS,
  COMMENT_SENTIMENTS as SENTIMENTS,
  type CommentTopic as Topic,
  type CommentSentiment as Sentiment,
} from '../../../../core/vocabulary/comment-labels';

export { RIGHTS_REASONS, type RightsReason } from '../../../../core/vocabulary/rights-reasons';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Creator {
  id: string;
  handle: string;
  platform: string;
  followers: number;
  tier: string;
}

export interface Asset {
  id: string;
  kind: AssetKind;
  status: AssetStatus;
  error?: string;
  sizeBytes: number;
  mimeType: string;
  width?: number;
  height?: number;
  durationS?: number;
  creatorId: string;
  title: string | null;
  productSkus: string[];
  sourceUrl: string | null;
  originalFilename: string | null;
  createdAt: string;
}

export interface ListedAsset extends Asset {
  thumbnailUrl: string | null;
  licenseState: AssetLicenseState;
}

export interface UploadedAsset extends Asset {
  jobId: string | null;
}

export type RenditionKind = 'image' | 'crop' | 'poster' | 'preview' | 'cut' | 'cut_poster';

export interface Rendition {
  id: string;
  kind: RenditionKind;
  spec: Record<string, unknown>;
  format: string;
  width: number | null;
  height: number | null;
  durationS?: number;
  /** Absent for a cut or cut poster the caller may not preview now (see urlWithheld). */
  url?: string;
  urlExpiresAt?: string;
  /** forbidden_role, or the rights reason (revoked, expired…) no license allows edits now. */
  urlWithheld?: string;
}

/** A license as an asset lists it: the terms that decide where it may be used. */
export interface LicenseTerms {
  id: string;
  status: LicenseStatus;
  territories: string[];
  excludedTerritories: string[];
  channels: string[];
  startsAt: string;
  endsAt: string | null;
  derivativesAllowed: boolean;
  disclosureRequired: boolean;
  attributionRequired: boolean;
}

export interface AssetDetail extends Asset {
  renditions: Rendition[];
  licenses: LicenseTerms[];
}

export interface Exclusivity {
  scope: 'none' | 'category' | 'all';
  category?: string;
  until?: string;
}

export interface LiveUsage {
  assetId: string;
  campaign: string | null;
  channel: string;
  territory: string;
  lastPulledAt: string;
  pulls: number;
}

export interface License extends LicenseTerms {
  assetIds: string[];
  creatorId: string | null;
  exclusivity: Exclusivity | null;
  fee: { amount: string; currency: string } | null;
  notes: string | null;
  state: LicenseState;
  revokedAt: string | null;
  revokedReason: string | null;
  contract: { filename: string | null } | null;
  liveUsages?: LiveUsage[];
}

export interface Usage {
  id: string;
  outcome: 'granted' | 'refused';
  reasons: string[];
  assetId: string;
  cutId: string | null;
  licenseId: string | null;
  channel: string;
  territory: string;
  campaign: string | null;
  at: string;
}

export interface Job {
  id: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  error?: string;
}

export type FaqStatus = 'draft' | 'approved' | 'published';

export interface FaqEntry {
  id: string;
  topic: string;
  question: string;
  answer?: string | null;
  count: number;
  examples: Array<{ commentId: string; text: string }>;
  status: FaqStatus;
}

/** One week of a product's comments (the week starting on Monday `weekStart`, UTC). */
export interface WeeklyPoint {
  weekStart: string;
  comments: number;
  questions: number;
  sentiment: Record<string, number>;
  topics: Record<string, number>;
}

export interface Insights {
  totals?: { comments: number; spam: number; questions: number; unclassified: number };
  topics: Record<string, number>;
  sentiment: Record<string, number>;
  faq: FaqEntry[];
  weekly: WeeklyPoint[];
}

export interface Comment {
  id: string;
  text: string;
  author?: string | null;
  platform?: string;
  topic: string | null;
  sentiment: string | null;
  isQuestion: boolean | null;
  spam: boolean | null;
  /** The labels a person set (they win over the model's); null when nobody has. */
  correction: Record<string, unknown> | null;
}

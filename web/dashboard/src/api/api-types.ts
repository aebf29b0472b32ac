/**
 * The API's JSON as the dashboard reads it: types inferred from the very zod schemas the server
 * checks its replies against and documents in /api/openapi.json (core/contract), so a field the
 * server renames or retypes fails the dashboard's type check. Type-only imports: no zod in the
 * bundle. The names and rules both sides use at run time come from core/vocabulary.
 */
import type { z } from 'zod';
import type {
  AssetDetail as AssetDetailSchema,
  AssetView,
  ListedAsset as ListedAssetSchema,
  RenditionView,
  UploadedAsset as UploadedAssetSchema,
} from '../../../../core/contract/asset-replies';
import type { CommentView } from '../../../../core/contract/comment-replies';
import type { CreatorView } from '../../../../core/contract/creator-replies';
import type { FaqEntryView } from '../../../../core/contract/faq-replies';
import type { ProductInsights, WeeklyInsights } from '../../../../core/contract/insight-replies';
import type { JobView } from '../../../../core/contract/job-replies';
import type { LicenseSummary, LicenseView, LiveUsageView } from '../../../../core/contract/license-replies';
import type { CreatorErasure as CreatorErasureSchema, CreatorExport as CreatorExportSchema } from '../../../../core/contract/privacy-replies';
import type { RightsRequestView } from '../../../../core/contract/rights-request-replies';
import type { CreatorPageLinkView, TakedownView } from '../../../../core/contract/takedown-replies';
import type { UsageView } from '../../../../core/contract/usage-replies';

export type { Page } from '../../../../core/contract/page';
export type { AssetKind, AssetStatus, RenditionKind } from '../../../../core/vocabulary/asset-kinds';
export type { AssetLicenseState } from '../../../../core/vocabulary/asset-license-state';
export type { FaqStatus } from '../../../../core/vocabulary/faq-status';
export type { LicenseState, LicenseStatus } from '../../../../core/vocabulary/license-state';
export { CHANNELS, PAID_CHANNELS, type Channel } from '../../../../core/vocabulary/channels';
export { PRODUCT_SKU } from '../../../../core/vocabulary/product-sku';
export {
  COMMENT_TOPICS as TOPICS,
  COMMENT_SENTIMENTS as SENTIMENTS,
  type CommentTopic as Topic,
  type CommentSentiment as Sentiment,
} from '../../../../core/vocabulary/comment-labels';
export { RIGHTS_REASONS, type RightsReason } from '../../../../core/vocabulary/rights-reasons';
export {
  REQUEST_LANGUAGES,
  RIGHTS_REQUEST_STATUSES,
  type RequestLanguageCode,
  type RightsRequestStatus,
} from '../../../../core/vocabulary/rights-request-status';
export { TAKEDOWN_STATUSES, type TakedownStatus } from '../../../../core/vocabulary/takedown-status';

export type Creator = z.infer<typeof CreatorView>;
export type Asset = z.infer<typeof AssetView>;
export type ListedAsset = z.infer<typeof ListedAssetSchema>;
export type UploadedAsset = z.infer<typeof UploadedAssetSchema>;
export type Rendition = z.infer<typeof RenditionView>;
export type AssetDetail = z.infer<typeof AssetDetailSchema>;
/** A license as an asset lists it: the terms that decide where it may be used. */
export type LicenseTerms = z.infer<typeof LicenseSummary>;
export type LiveUsage = z.infer<typeof LiveUsageView>;
/** A license; GET /api/v1/licenses and /licenses/:id add where its content is live. */
export type License = z.infer<typeof LicenseView> & { liveUsages?: LiveUsage[] };
export type Exclusivity = NonNullable<License['exclusivity']>;
export type Usage = z.infer<typeof UsageView>;
export type Job = z.infer<typeof JobView>;
export type FaqEntry = z.infer<typeof FaqEntryView>;
/** One week of a product's comments (the week starting on Monday `weekStart`, UTC). */
export type WeeklyPoint = z.infer<typeof WeeklyInsights>;
export type Insights = z.infer<typeof ProductInsights>;
export type Comment = z.infer<typeof CommentView>;
/** A request to a creator for a license: its link, the message to paste and, once answered, the outcome. */
export type RightsRequest = z.infer<typeof RightsRequestView>;
/** What the creator saw and said when they accepted. */
export type RequestEvidence = NonNullable<RightsRequest['evidence']>;
/** Everything held about a creator (GET /api/v1/creators/:id/export), downloaded for their access request. */
export type CreatorExport = z.infer<typeof CreatorExportSchema>;
/** What erasing a creator did: assets deleted, licenses kept as the legal record. */
export type CreatorErasure = z.infer<typeof CreatorErasureSchema>;

/** The creator's own page link (POST /api/v1/creators/:id/page-link): the only one that works; making another stops it. */
export type CreatorPageLink = z.infer<typeof CreatorPageLinkView>;
/**
 * A creator's request, sent from their page, that some of their content (or all of it: no
 * asset ids) stop being used; nothing is withdrawn automatically.
 */
export type TakedownRequest = z.infer<typeof TakedownView>;

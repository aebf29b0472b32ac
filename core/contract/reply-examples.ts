import type { z } from 'zod';
import type { AssetDetail, AssetView, DownloadLink, ListedAsset, UploadedAsset } from './asset-replies';
import type { CommentView } from './comment-replies';
import type { CreatorView } from './creator-replies';
import { EXAMPLE_IDS as ID, EXAMPLE_JOB_ID } from './example-ids';
import type { FaqCommentView, FaqEntryView } from './faq-replies';
import type { JobView } from './job-replies';
import type { LicenseSummary, LicenseView, LicenseWithUsages } from './license-replies';
import type { RightsRequestView } from './rights-request-replies';
import type { CreatorPageLinkView, TakedownView } from './takedown-replies';
import type { UsageView } from './usage-replies';
import type { Channel } from '../vocabulary/channels';

/**
 * The replies /api/openapi.json shows as examples, one story throughout: creator @ania.style's
 * video of a linen shirt, licensed for Poland and Germany. Typed against their schemas here, and
 * parsed by them in test/api/openapi-document.unit.test.ts.
 */

const BASE = 'https://ugc.example.com';
const signed = (key: string) => `${BASE}/files/${key}?expires=1796634300&sig=q8Zc3T0vYw1mR5aKxE2nB7uJ4fHs9LdP6gWjVtNo0iA`;

export const creatorExample = {
  id: ID.creator,
  handle: 'ania.style',
  platform: 'tiktok',
  followers: 48200,
  engagementRate: 0.034,
  contactEmail: 'ania@example.com',
  tier: 'micro',
  createdAt: '2026-11-02T10:15:00.000Z',
} satisfies z.input<typeof CreatorView>;

/** Just stored: its probe has not reported size on screen, length or codecs yet. */
const storedAsset = {
  id: ID.asset,
  kind: 'video',
  status: 'uploaded',
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  sizeBytes: 18874368,
  mimeType: 'video/mp4',
  creatorId: ID.creator,
  title: 'Unboxing the linen shirt',
  notes: null,
  productSkus: ['SKU-SHIRT-LINEN-01'],
  sourceUrl: 'https://www.tiktok.com/@ania.style/video/7441230987654321234',
  originalFilename: 'linen-shirt-unboxing.mp4',
  archivedAt: null,
  deletedAt: null,
  createdAt: '2026-11-20T09:41:12.000Z',
  updatedAt: '2026-11-20T09:41:12.000Z',
} satisfies z.input<typeof AssetView>;

export const uploadedAssetExample = { ...storedAsset, jobId: EXAMPLE_JOB_ID } satisfies z.input<typeof UploadedAsset>;

export const assetExample = {
  ...storedAsset,
  status: 'ready',
  width: 1080,
  height: 1920,
  durationS: 32.5,
  frameRate: 30,
  videoCodec: 'h264',
  audioCodec: 'aac',
  hasAudio: true,
  updatedAt: '2026-11-20T09:43:05.000Z',
} satisfies z.input<typeof AssetView>;

export const listedAssetExample = {
  ...assetExample,
  thumbnailUrl: signed(`assets/${ID.asset}/poster.webp`),
  licenseState: 'active',
  licenseNote: { state: 'active', at: '2027-05-31T22:00:00.000Z' },
} satisfies z.input<typeof ListedAsset>;

const GRANTED: Channel[] = ['paid_social', 'organic_social', 'product_page'];

export const licenseSummaryExample = {
  id: ID.license,
  status: 'active',
  territories: ['PL', 'DE'],
  excludedTerritories: [],
  channels: GRANTED,
  startsAt: '2026-11-30T23:00:00.000Z',
  endsAt: '2027-05-31T22:00:00.000Z',
  derivativesAllowed: true,
  disclosureRequired: true,
  attributionRequired: false,
} satisfies z.input<typeof LicenseSummary>;

export const assetDetailExample = {
  ...assetExample,
  renditions: [
    { id: ID.rendition, kind: 'poster', spec: { width: 720 }, format: 'webp', width: 720, height: 1280, url: signed(`assets/${ID.asset}/poster.webp`) },
    {
      id: ID.cut,
      kind: 'cut',
      spec: { aspect: '9:16', durationS: 15, startS: 4.2, fit: 'crop', disclosure: 'REKLAMA' },
      format: 'mp4',
      width: 1080,
      height: 1920,
      durationS: 15,
      url: signed(`cuts/${ID.cut}.mp4`),
      urlExpiresAt: '2026-12-07T09:10:00.000Z',
    },
  ],
  licenses: [licenseSummaryExample],
  originalDownload: true,
} satisfies z.input<typeof AssetDetail>;

export const downloadLinkExample = {
  url: signed(`originals/${ID.asset}/linen-shirt-unboxing.mp4`),
  expiresAt: '2026-12-07T09:15:00.000Z',
} satisfies z.input<typeof DownloadLink>;

export const licenseExample = {
  ...licenseSummaryExample,
  assetIds: [ID.asset],
  creatorId: null,
  exclusivity: { scope: 'category', category: 'Menswear', until: '2027-02-28T23:00:00.000Z' },
  fee: { amount: '1500.00', currency: 'PLN' },
  notes: 'Agreed by DM on 28 November',
  state: 'active',
  revokedAt: null,
  revokedReason: null,
  contract: { filename: 'ania-style-linen-shirt.pdf' },
  createdAt: '2026-11-28T14:02:51.000Z',
  updatedAt: '2026-11-28T14:02:51.000Z',
} satisfies z.input<typeof LicenseView>;

export const licenseWithUsagesExample = {
  ...licenseExample,
  liveUsages: [
    {
      assetId: ID.asset,
      campaign: 'Summer linen 2027',
      channel: 'paid_social',
      territory: 'PL',
      lastPulledAt: '2026-12-05T08:30:00.000Z',
      pulls: 3,
    },
  ],
} satisfies z.input<typeof LicenseWithUsages>;

export const jobExample = {
  id: EXAMPLE_JOB_ID,
  queue: 'media',
  name: 'probe',
  state: 'completed',
  progress: 100,
  attempts: 1,
  result: { width: 1080, height: 1920, durationS: 32.5, frameRate: 30, videoCodec: 'h264', audioCodec: 'aac', hasAudio: true },
  createdAt: '2026-11-20T09:41:12.000Z',
  finishedAt: '2026-11-20T09:41:19.000Z',
} satisfies z.input<typeof JobView>;

export const rightsRequestExample = {
  id: ID.rightsRequest,
  status: 'pending',
  creatorId: ID.creator,
  assetIds: [ID.asset],
  terms: {
    territories: ['PL', 'DE'],
    excludedTerritories: [],
    channels: ['paid_social', 'product_page'],
    startsAt: '2026-11-30T23:00:00.000Z',
    endsAt: '2027-05-31T22:00:00.000Z',
    derivativesAllowed: true,
    exclusivity: null,
    fee: { amount: '1500.00', currency: 'PLN' },
    disclosureRequired: true,
    attributionRequired: false,
  },
  message: 'Your linen shirt video is great: may we use it in our ads?',
  language: 'en',
  replyHashtag: '#yesAcme',
  expiresAt: '2026-12-21T23:00:00.000Z',
  url: `${BASE}/r/7a4c9e1b3f624d85a0b7e5c2d8f1a946.kX9vQ2mT`,
  dmText:
    `Hi @ania.style! Your linen shirt video is great: may we use it in our ads?\n\nAcme would like to use your content in its channels. ` +
    `The terms in plain words, and your answer (no account needed): ${BASE}/r/7a4c9e1b3f624d85a0b7e5c2d8f1a946.kX9vQ2mT\nOr simply reply #yesAcme to this message.`,
  renewsLicenseId: null,
  licenseId: null,
  evidence: null,
  declineReason: null,
  answeredAt: null,
  createdAt: '2026-12-07T09:00:00.000Z',
} satisfies z.input<typeof RightsRequestView>;

export const takedownExample = {
  id: ID.takedown,
  creatorId: ID.creator,
  creatorHandle: 'ania.style',
  platform: 'tiktok',
  assetIds: [ID.asset],
  assets: [{ id: ID.asset, title: 'Unboxing the linen shirt' }],
  reason: 'I no longer work with this shop.',
  status: 'open',
  createdAt: '2026-12-06T18:20:00.000Z',
  resolvedAt: null,
  resolvedNote: null,
} satisfies z.input<typeof TakedownView>;

export const creatorPageLinkExample = {
  url: `${BASE}/c/9b2e4d715c3a4f08b6e271a9d0c4e8f3.Hq3Lw8Zp`,
  expiresAt: '2027-03-07T23:00:00.000Z',
} satisfies z.input<typeof CreatorPageLinkView>;

export const usageExample = {
  id: ID.usage,
  outcome: 'granted',
  reasons: [],
  apiKeyId: ID.apiKey,
  assetId: ID.asset,
  cutId: ID.cut,
  licenseId: ID.license,
  channel: 'paid_social',
  territory: 'PL',
  campaign: 'Summer linen 2027',
  at: '2026-12-05T08:30:00.000Z',
} satisfies z.input<typeof UsageView>;

/** What the models answer for one comment (its labels, without when they were given). */
export const classificationExample = {
  lang: 'en',
  sentiment: 'neutral',
  sentimentScores: { negative: 0.08, neutral: 0.81, positive: 0.09, mixed: 0.02 },
  isQuestion: true,
  questionScore: 0.97,
  topic: 'material',
  topicScores: { material: 0.71, quality: 0.12, size_fit: 0.09, other: 0.08 },
  spam: false,
  spamScore: 0.01,
  substantive: true,
  substantiveScore: 0.95,
  modelVersion: 'nlp-2026-11-30',
} as const;
export const commentExample = {
  id: ID.comment,
  platform: 'tiktok',
  externalId: '7441299912345678901',
  text: 'Does it shrink in the wash?',
  author: 'kasia_k',
  permalink: null,
  postedAt: '2026-11-21T19:04:00.000Z',
  importedAt: '2026-11-22T07:00:03.000Z',
  assetId: ID.asset,
  productSku: 'SKU-SHIRT-LINEN-01',
  faqEntryId: ID.faqEntry,
  lang: 'en',
  topic: 'material',
  sentiment: 'neutral',
  isQuestion: true,
  spam: false,
  labels: { ...classificationExample, classifiedAt: '2026-11-22T07:00:09.000Z' },
  correction: null,
} satisfies z.input<typeof CommentView>;

export const faqEntryExample = {
  id: ID.faqEntry,
  productSku: 'SKU-SHIRT-LINEN-01',
  topic: 'material',
  lang: 'en',
  question: 'Does it shrink in the wash?',
  answer: 'Pre-washed linen: it keeps its size at 30 °C.',
  status: 'published',
  dismissed: false,
  count: 14,
  examples: [
    { commentId: ID.comment, text: 'Does it shrink in the wash?' },
    { commentId: ID.otherComment, text: 'will this shrink after washing??' },
  ],
  publishedAt: '2026-11-25T12:00:00.000Z',
  dismissedAt: null,
  createdAt: '2026-11-22T07:00:10.000Z',
  updatedAt: '2026-11-25T12:00:00.000Z',
  trend: { thisWeek: 5, lastWeek: 3 },
} satisfies z.input<typeof FaqEntryView>;

export const faqCommentExample = {
  id: ID.comment,
  text: 'Does it shrink in the wash?',
  author: 'kasia_k',
  postedAt: '2026-11-21T19:04:00.000Z',
  platform: 'tiktok',
  permalink: null,
  lang: 'en',
  sentiment: 'neutral',
} satisfies z.input<typeof FaqCommentView>;

/** One page holding `item`, the last one. */
export const pageExample = <T>(item: T) => ({ items: [item], nextCursor: null });

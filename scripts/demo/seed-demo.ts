import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from './api-client';
import { DEMO_CREATORS, DEMO_MEDIA, type DemoMedia } from './demo-catalog';
import { DEMO_LICENSES, demoTag, type DemoLicense } from './demo-licenses';
import { generateDemoMedia, type DemoSize } from './demo-media';
import { demoCommentSet } from './demo-comment-set';
import { seedComments } from './seed-comments';
import { count, emptyTally, type Tally } from './tally';
import { waitForAssets } from './wait-for-assets';
import { waitForJob } from './wait-for-job';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEMO_WEBHOOK = {
  // A placeholder receiver: replace it with your own to see signed license.expiring deliveries.
  url: 'https://hooks.example.com/ugc/license-events',
  events: ['license.expiring', 'license.expired', 'asset.ready', 'faq.published'],
  secret: 'demo-webhook-secret-change-me',
};

export interface SeedDemoOptions {
  /** The API of a running instance, with an admin key (webhooks are admin-only). */
  api: ApiClient;
  ffmpegPath: string;
  size?: DemoSize;
  log?: (line: string) => void;
  /** How long to wait for the probe jobs; a worker must be consuming the media queue. */
  processingTimeoutMs?: number;
  /** The corpora folder (config.nlpCorporaDir): real comments are drawn from it when it is there. */
  corporaDir: string;
  /** Wait for the new comments' classification (an nlp worker must be running); ms, 0: do not wait. */
  classificationTimeoutMs?: number;
}

export interface DemoReport {
  creators: Tally;
  assets: Tally;
  licenses: Tally;
  webhooks: Tally;
  comments: Tally;
  /** Where the real comments were missing from (then the demo has templates only), else null. */
  realCommentsMissing: string | null;
  /** Assets by status once processing finished (`ready`, `failed`). */
  assetStatus: Record<string, number>;
  /** The demo's licenses by state now (`active`, `expiring`, `expired`, `not_started`, `revoked`, `draft`). */
  licenseStates: Record<string, number>;
  /** Demo media key → asset id, and license key → license id. */
  assetIds: Map<string, string>;
  licenseIds: Map<string, string>;
}

interface LicenseView {
  id: string;
  notes: string | null;
  status: string;
  state: string;
}

/**
 * Fills an instance with the demo library through its HTTP API. Idempotent: creators are
 * found by handle, media by their bytes (the API's sha256 dedupe), licenses by the
 * `[demo:key]` tag in their notes, the webhook by its URL, comments by their external id.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<DemoReport> {
  const { api, log = () => {} } = options;
  log('Creators…');
  const creators = await seedCreators(api);
  log(`Media (${options.size ?? 'full'} size)…`);
  const media = await seedMedia(options, creators.ids);
  const processed = await waitForAssets(api, [...media.ids.values()], log, options.processingTimeoutMs ?? 300_000);
  log('Licenses…');
  const licenses = await seedLicenses(api, creators.ids, media.ids);
  log('Webhook and comments…');
  const webhooks = await seedWebhook(api);
  const commentSet = demoCommentSet(options.corporaDir);
  const comments = await seedComments(api, commentSet.comments, media.ids);
  if (comments.jobId && options.classificationTimeoutMs) {
    await waitForJob(api, comments.jobId, 'comments classified', log, options.classificationTimeoutMs);
  }
  return {
    creators: creators.tally,
    assets: media.tally,
    licenses: licenses.tally,
    webhooks,
    comments: comments.tally,
    realCommentsMissing: commentSet.realMissing,
    assetStatus: countBy(processed.map((a) => a.status)),
    licenseStates: countBy([...licenses.views.values()].map((l) => l.state)),
    assetIds: media.ids,
    licenseIds: new Map([...licenses.views].map(([key, l]) => [key, l.id])),
  };
}

async function seedCreators(api: ApiClient): Promise<{ ids: Map<string, string>; tally: Tally }> {
  const existing = await api.getAll<{ id: string; handle: string; platform: string }>('/api/v1/creators?limit=200');
  const ids = new Map<string, string>();
  const tally = emptyTally();
  for (const creator of DEMO_CREATORS) {
    const found = existing.find((c) => c.handle === creator.handle && c.platform === creator.platform);
    const id = found?.id ?? (await api.post<{ id: string }>('/api/v1/creators', creator)).body.id;
    ids.set(creator.handle, id);
    count(tally, !found);
  }
  return { ids, tally };
}

/** Generates each medium into a temporary folder and uploads it; 200 means the bytes were already there. */
async function seedMedia(options: SeedDemoOptions, creatorIds: ReadonlyMap<string, string>): Promise<{ ids: Map<string, string>; tally: Tally }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ugc-demo-media-'));
  const ids = new Map<string, string>();
  const tally = emptyTally();
  try {
    for (const media of DEMO_MEDIA) {
      const { status, body } = await uploadMedia(options, media, creatorIds.get(media.creator)!, dir);
      ids.set(media.key, body.id);
      count(tally, status === 201);
      options.log?.(`  ${media.kind} ${media.key}: ${status === 201 ? 'uploaded' : 'already there'}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { ids, tally };
}

async function uploadMedia(options: SeedDemoOptions, media: DemoMedia, creatorId: string, dir: string) {
  const file = await generateDemoMedia(media, options.size ?? 'full', dir, options.ffmpegPath);
  const form = new FormData();
  form.append('creatorId', creatorId);
  form.append('title', media.title);
  form.append('productSkus', media.skus.join(','));
  form.append('sourceUrl', sourceUrl(media));
  form.append('file', await openAsBlob(file.path, { type: file.mimeType }), file.filename);
  return options.api.postForm<{ id: string }>('/api/v1/assets', form);
}

function sourceUrl(media: DemoMedia): string {
  const creator = DEMO_CREATORS.find((c) => c.handle === media.creator)!;
  if (creator.platform === 'youtube') return `https://www.youtube.com/watch?v=demo-${media.key}`;
  if (creator.platform === 'tiktok') return `https://www.tiktok.com/@${creator.handle}/video/demo-${media.key}`;
  return `https://www.instagram.com/p/demo-${media.key}/`;
}

async function seedLicenses(
  api: ApiClient,
  creatorIds: ReadonlyMap<string, string>,
  assetIds: ReadonlyMap<string, string>,
): Promise<{ views: Map<string, LicenseView>; tally: Tally }> {
  const tally = emptyTally();
  const views = new Map<string, LicenseView>();
  const now = Date.now();
  for (const license of DEMO_LICENSES) {
    const scope = 'creator' in license.covers ? `creatorId=${creatorIds.get(license.covers.creator)}` : `assetId=${assetIds.get(license.covers.media[0]!)}`;
    const existing = (await api.getAll<LicenseView>(`/api/v1/licenses?${scope}&limit=200`)).find((l) => l.notes?.startsWith(demoTag(license.key)));
    const view = existing ?? (await api.post<LicenseView>('/api/v1/licenses', licenseBody(license, creatorIds, assetIds, now))).body;
    count(tally, !existing);
    views.set(license.key, license.revokedBecause && view.status !== 'revoked' ? await revoke(api, view.id, license.revokedBecause) : view);
  }
  return { views, tally };
}

function licenseBody(license: DemoLicense, creatorIds: ReadonlyMap<string, string>, assetIds: ReadonlyMap<string, string>, now: number) {
  const at = (days: number) => new Date(now + days * DAY_MS).toISOString();
  const covers =
    'creator' in license.covers ? { creatorId: creatorIds.get(license.covers.creator) } : { assetIds: license.covers.media.map((key) => assetIds.get(key)) };
  return {
    ...covers,
    territories: license.territories,
    excludedTerritories: license.excludedTerritories ?? [],
    channels: license.channels,
    startsAt: at(license.startsInDays),
    endsAt: license.endsInDays === null ? null : at(license.endsInDays),
    derivativesAllowed: license.derivativesAllowed,
    disclosureRequired: license.disclosureRequired ?? false,
    attributionRequired: license.attributionRequired ?? false,
    ...(license.fee ? { fee: license.fee } : {}),
    ...(license.exclusivity ? { exclusivity: license.exclusivity } : {}),
    status: license.status ?? 'active',
    notes: `${demoTag(license.key)} ${license.description}`,
  };
}

async function revoke(api: ApiClient, id: string, reason: string): Promise<LicenseView> {
  return (await api.post<LicenseView>(`/api/v1/licenses/${id}/revoke`, { reason })).body;
}

async function seedWebhook(api: ApiClient): Promise<Tally> {
  const { items } = await api.get<{ items: Array<{ url: string }> }>('/api/v1/webhooks');
  if (items.some((w) => w.url === DEMO_WEBHOOK.url)) return { created: 0, existing: 1 };
  await api.post('/api/v1/webhooks', DEMO_WEBHOOK);
  return { created: 1, existing: 0 };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

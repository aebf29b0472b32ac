import { and, eq, inArray, ne } from 'drizzle-orm';
import { assets, type Asset } from '../db';
import type { Services } from '../runtime/services';
import { queueDeliveries, recordDeliveries } from '../webhooks/webhook-outbox';
import type { AssetUpdate } from './asset-store';

/**
 * Where an asset's processing ends, and the webhook that says so. Each transition is a
 * conditional UPDATE whose row, when it changed, is announced (`asset.ready`, `asset.failed`)
 * through the webhook outbox in the same transaction: the status and its announcement commit
 * together, and a probe job retried, or run again by a second worker after the first lost its
 * lock, finds the asset already there and announces nothing. PostgreSQL re-reads the row a
 * concurrent UPDATE has just changed before applying the condition, so of two runs finishing
 * at once exactly one makes the transition.
 */

/** What a subscriber to asset.ready / asset.failed receives (as `data`). */
export interface AssetOutcomePayload {
  assetId: string;
  kind: Asset['kind'];
  status: 'ready' | 'failed';
  /** Why processing failed; only on asset.failed. */
  error?: string;
  creatorId: string;
  /** When the transition was recorded. */
  at: string;
}

/** The probe has started: `uploaded` → `processing`. A re-run on an asset it already settled leaves it as it is. */
export async function markAssetProcessing(services: Services, assetId: string): Promise<void> {
  await services.database.db
    .update(assets)
    .set({ status: 'processing', error: null })
    .where(and(eq(assets.id, assetId), eq(assets.status, 'uploaded')));
}

/**
 * Records what the probe learnt and, unless the asset was ready already, makes it `ready` and
 * announces `asset.ready` once. Returns whether this call made the transition.
 */
export async function markAssetReady(services: Services, assetId: string, facts: AssetUpdate): Promise<boolean> {
  return settle(services, 'asset.ready', async (tx) => {
    const [changed] = await tx
      .update(assets)
      .set({ ...facts, status: 'ready', error: null })
      .where(and(eq(assets.id, assetId), ne(assets.status, 'ready')))
      .returning();
    // A re-run re-probed the same bytes: the same facts, no new transition.
    if (!changed) await tx.update(assets).set(facts).where(eq(assets.id, assetId));
    return changed;
  });
}

/**
 * Makes an asset still being processed `failed` with the reason and announces `asset.failed`
 * once. An asset already ready or failed is left alone (a late failure of a re-run does not
 * undo a success). Returns whether this call made the transition.
 */
export async function markAssetFailed(services: Services, assetId: string, error: string): Promise<boolean> {
  return settle(services, 'asset.failed', async (tx) => {
    const [changed] = await tx
      .update(assets)
      .set({ status: 'failed', error })
      .where(and(eq(assets.id, assetId), inArray(assets.status, ['uploaded', 'processing'])))
      .returning();
    return changed;
  });
}

type Tx = Parameters<Parameters<Services['database']['db']['transaction']>[0]>[0];

async function settle(services: Services, event: 'asset.ready' | 'asset.failed', transition: (tx: Tx) => Promise<Asset | undefined>): Promise<boolean> {
  const deliveryIds = await services.database.db.transaction(async (tx) => {
    const changed = await transition(tx);
    return changed ? recordDeliveries(tx, event, outcomePayload(changed)) : null;
  });
  if (deliveryIds === null) return false;
  // Committed as pending: while Redis is down queueDeliveries leaves them to the queue reconciler.
  await queueDeliveries(services, deliveryIds);
  return true;
}

const outcomePayload = (asset: Asset): AssetOutcomePayload => ({
  assetId: asset.id,
  kind: asset.kind,
  status: asset.status as 'ready' | 'failed',
  ...(asset.status === 'failed' && asset.error !== null ? { error: asset.error } : {}),
  creatorId: asset.creatorId,
  at: asset.updatedAt.toISOString(),
});

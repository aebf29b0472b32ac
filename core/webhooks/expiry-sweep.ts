import { and, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import { licenseAssets, licenseNotifications, licenses, type License, type LicenseNotificationKind } from '../db';
import { liveUsages, type LiveUsage } from '../licensing/license-store';
import type { Services } from '../runtime/services';
import { EXPIRED_LOOKBACK_MS, FIRST_NOTICE_MS, dueNotice, noticeEvent } from './expiry-notice';
import { queueDeliveries, recordDeliveries, requeuePendingDeliveries } from './webhook-outbox';

export interface SweepResult {
  /** Notices sent in this sweep, by license. */
  notices: Array<{ licenseId: string; kind: LicenseNotificationKind }>;
  deliveries: number;
  /** Pending deliveries queued again (normally already queued: then a no-op). */
  requeued: number;
}

/**
 * Sends each active license's due expiry notice (see dueNotice) once, listing where its content
 * is live so ad teams know what to pause. "Once" holds across repeated and concurrent sweeps:
 * license_notifications' primary key takes the notice, and the deliveries are recorded in the
 * same transaction, so a notice is either taken with its deliveries or not at all. Serving never
 * waits for this: every endpoint checks license ends at the instant of the request.
 */
export async function sweepLicenseExpiry(services: Services, now = new Date()): Promise<SweepResult> {
  const { db } = services.database;
  const due = (await endingLicenses(services, now))
    .map((license) => ({ license, kind: dueNotice(license.endsAt!, now) }))
    .filter((d): d is { license: License; kind: LicenseNotificationKind } => d.kind !== null);
  const notSent = await unsent(services, due);
  const ids = notSent.map((d) => d.license.id);
  const [usages, assetIds] = await Promise.all([liveUsages(db, ids), licensedAssets(services, ids)]);

  const result: SweepResult = { notices: [], deliveries: 0, requeued: 0 };
  for (const { license, kind } of notSent) {
    const payload = noticePayload(license, kind, now, assetIds.get(license.id) ?? [], usages.get(license.id) ?? []);
    const deliveryIds = await db.transaction(async (tx) => {
      const taken = await tx.insert(licenseNotifications).values({ licenseId: license.id, kind, sentAt: now }).onConflictDoNothing().returning();
      return taken.length ? recordDeliveries(tx, noticeEvent(kind), payload) : null;
    });
    if (deliveryIds === null) continue; // a concurrent sweep sent it
    await queueDeliveries(services, deliveryIds);
    result.notices.push({ licenseId: license.id, kind });
    result.deliveries += deliveryIds.length;
  }
  result.requeued = await requeuePendingDeliveries(services);
  return result;
}

/** Active licenses ending within the first notice window, or ended within the lookback. */
function endingLicenses({ database: { db } }: Services, now: Date): Promise<License[]> {
  return db
    .select()
    .from(licenses)
    .where(
      and(
        eq(licenses.status, 'active'),
        isNotNull(licenses.endsAt),
        lte(licenses.endsAt, new Date(now.getTime() + FIRST_NOTICE_MS)),
        gt(licenses.endsAt, new Date(now.getTime() - EXPIRED_LOOKBACK_MS)),
      ),
    );
}

/** The due notices not yet recorded as sent: the cheap pre-check; the insert decides. */
async function unsent<T extends { license: License; kind: LicenseNotificationKind }>({ database: { db } }: Services, due: T[]): Promise<T[]> {
  if (due.length === 0) return [];
  const sent = await db
    .select({ licenseId: licenseNotifications.licenseId, kind: licenseNotifications.kind })
    .from(licenseNotifications)
    .where(
      inArray(
        licenseNotifications.licenseId,
        due.map((d) => d.license.id),
      ),
    );
  const sentKeys = new Set(sent.map((s) => `${s.licenseId}/${s.kind}`));
  return due.filter((d) => !sentKeys.has(`${d.license.id}/${d.kind}`));
}

async function licensedAssets({ database: { db } }: Services, licenseIds: string[]): Promise<Map<string, string[]>> {
  const byLicense = new Map<string, string[]>();
  if (licenseIds.length === 0) return byLicense;
  const rows = await db.select().from(licenseAssets).where(inArray(licenseAssets.licenseId, licenseIds));
  for (const { licenseId, assetId } of rows) byLicense.set(licenseId, [...(byLicense.get(licenseId) ?? []), assetId]);
  return byLicense;
}

/** What a receiver gets under `data`. */
function noticePayload(license: License, kind: LicenseNotificationKind, now: Date, assetIds: string[], usages: LiveUsage[]) {
  return {
    notice: kind,
    license: {
      id: license.id,
      endsAt: license.endsAt!.toISOString(),
      creatorId: license.creatorId,
      assetIds,
      channels: license.channels,
      territories: license.territories,
      excludedTerritories: license.excludedTerritories,
    },
    secondsLeft: Math.max(0, Math.round((license.endsAt!.getTime() - now.getTime()) / 1000)),
    liveUsages: usages.map(({ campaign, channel, territory, assetId, lastPulledAt, pulls }) => ({
      campaign,
      channel,
      territory,
      assetId,
      lastPulledAt,
      pulls,
    })),
  };
}

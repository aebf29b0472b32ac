import { asc, eq } from 'drizzle-orm';
import { renditions, type Db, type Rendition, type RenditionKind } from '../db';
import { cutRights } from '../licensing/cut-rights';
import { urlExpiringAt } from '../gallery/url-expiring-at';
import { encodeLicensedUse } from '../licensing/licensed-use';
import type { LicenseTerms } from '../licensing/rights';
import type { StorageDriver, UrlLicense } from '../storage';
import { CUT_PREVIEW_LIFETIME_S, CUT_PREVIEW_ROLES } from '../vocabulary/cut-preview';

/**
 * Ad cuts (and their posters, frames of the cut with its label burned in) exist only because a
 * license allowed edits: they are licensed-only content. They leave the system for use through
 * `POST /api/v1/ads/:cutId/pull` (rights checked per channel and territory, recorded in the
 * ledger); the asset view only lets the people who make and choose cuts watch them.
 */
export const LICENSED_RENDITION_KINDS: readonly RenditionKind[] = ['cut', 'cut_poster'];

/** Why a licensed rendition carries no URL: the caller's role, or the first reason no license allows edits now. */
export type UrlWithheld = 'forbidden_role' | 'expired' | string;

export interface RenditionLink {
  rendition: Rendition;
  /** Absent for licensed-only renditions when `withheld` says why. */
  url?: { url: string; expiresAt: Date };
  withheld?: UrlWithheld;
}

/**
 * An asset's renditions, oldest first, each with a download URL as `role` may see it at `now`:
 * - library renditions of the original (image variants, crops, poster, preview): a URL with the
 *   storage's default lifetime, as for the original itself;
 * - cuts and cut posters: a preview URL only for CUT_PREVIEW_ROLES, only while a license in
 *   force lets the asset be edited for a paid channel (as making a cut requires), living
 *   CUT_PREVIEW_LIFETIME_S and never past that license's end. Otherwise no URL, and why.
 */
export async function renditionLinks(
  db: Db,
  storage: StorageDriver,
  assetId: string,
  licenses: readonly LicenseTerms[],
  role: string,
  now = new Date(),
): Promise<RenditionLink[]> {
  const rows = await db.select().from(renditions).where(eq(renditions.assetId, assetId)).orderBy(asc(renditions.createdAt), asc(renditions.id));
  const preview = previewDeadline(assetId, licenses, role, now);
  return Promise.all(
    rows.map(async (rendition): Promise<RenditionLink> => {
      if (!LICENSED_RENDITION_KINDS.includes(rendition.kind)) return { rendition, url: await storage.url(rendition.storageKey) };
      if ('withheld' in preview) return { rendition, withheld: preview.withheld };
      const url = await urlExpiringAt(storage, rendition.storageKey, preview.deadline, { license: preview.license });
      return url ? { rendition, url } : { rendition, withheld: 'expired' };
    }),
  );
}

/**
 * Until when cut previews may be watched and under which license (with fs storage, their URLs
 * die as soon as it no longer allows edits), or why they may not.
 */
function previewDeadline(
  assetId: string,
  licenses: readonly LicenseTerms[],
  role: string,
  now: Date,
): { deadline: Date; license: UrlLicense } | { withheld: UrlWithheld } {
  if (!(CUT_PREVIEW_ROLES as readonly string[]).includes(role)) return { withheld: 'forbidden_role' };
  const decision = cutRights(licenses, now);
  if (!decision.license) return { withheld: decision.reasons[0] ?? 'no_license' };
  const lifetimeEnd = now.getTime() + CUT_PREVIEW_LIFETIME_S * 1000;
  const endsAt = decision.license.endsAt?.getTime() ?? Infinity;
  const license = { id: decision.license.id, use: encodeLicensedUse({ kind: 'edit', assetId }) };
  return { deadline: new Date(Math.min(lifetimeEnd, endsAt)), license };
}

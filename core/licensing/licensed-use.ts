import { cutRights } from './cut-rights';
import { isChannel, type Channel } from '../vocabulary/channels';
import { checkRights, type LicenseTerms } from './rights';

/**
 * What a download URL to licensed-only content was issued for, so that the file server can ask
 * again, on each request, whether the license it was issued under still allows it:
 * - `show`: the asset itself shown in a channel and territory (the public gallery: product_page);
 * - `cut`: an edit of it used in a channel and territory (a pulled ad cut);
 * - `edit`: its cuts watched by the people who make them (as making a cut requires: a license
 *   in force allowing edits for some paid channel, see cutRights).
 */
export type LicensedUse = { kind: 'show' | 'cut'; assetId: string; channel: Channel; territory: string } | { kind: 'edit'; assetId: string };

/**
 * `<kind>.<assetId>[.<channel>.<territory>]`: characters a query string carries unescaped
 * (uuids, channel names and country codes hold no dot), so URLs stay short and readable.
 */
export function encodeLicensedUse(use: LicensedUse): string {
  return use.kind === 'edit' ? `edit.${use.assetId}` : `${use.kind}.${use.assetId}.${use.channel}.${use.territory}`;
}

/** The use a URL names, or null for anything encodeLicensedUse never writes. */
export function decodeLicensedUse(text: string): LicensedUse | null {
  const [kind, assetId, channel, territory, ...rest] = text.split('.');
  if (!assetId || rest.length > 0) return null;
  if (kind === 'edit') return channel === undefined ? { kind, assetId } : null;
  if ((kind === 'show' || kind === 'cut') && channel !== undefined && isChannel(channel) && territory) {
    return { kind, assetId, channel, territory };
  }
  return null;
}

/** Whether `license` (already known to cover the asset) allows `use` at `at`, by the same rules as when the URL was issued. */
export function licenseAllowsUseAt(license: LicenseTerms, use: LicensedUse, at: Date): boolean {
  if (use.kind === 'edit') return cutRights([license], at).allowed;
  return checkRights([license], { channel: use.channel, territory: use.territory, at, derivative: use.kind === 'cut' }).allowed;
}

import type { DownloadUrl, StorageDriver, UrlOptions } from '../storage';

/**
 * A download URL that expires at `deadline` rounded down to a whole second, or null when less
 * than a second is left. Never later: licensed content must not stay reachable past its end.
 * Pass the license in `opts` too, so that (with fs storage) a revoke ends the URL before then.
 *
 * storage.url() takes a lifetime relative to its own reading of the clock. When a second
 * boundary passes between our reading and the driver's, the URL would land a second late;
 * then we ask again, now inside the new second.
 */
export async function urlExpiringAt(
  storage: StorageDriver,
  key: string,
  deadline: Date,
  opts: Omit<UrlOptions, 'expiresInS'> = {},
): Promise<DownloadUrl | null> {
  const target = Math.floor(deadline.getTime() / 1000);
  for (let tries = 0; tries < 3; tries++) {
    const lifetime = target - Math.floor(Date.now() / 1000);
    if (lifetime < 1) return null;
    const url = await storage.url(key, { ...opts, expiresInS: lifetime });
    if (url.expiresAt.getTime() <= target * 1000) return url;
  }
  throw new Error(`could not sign ${key} to expire by ${deadline.toISOString()}`);
}

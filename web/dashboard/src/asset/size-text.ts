import { formatDuration } from '../library/asset-card';

/** "1080 × 1350", with " · 0:15" for a clip; a dash when the size is not known. */
export function sizeText(size: { width: number | null; height: number | null; durationS?: number | undefined }): string {
  const pixels = size.width && size.height ? `${size.width} × ${size.height}` : '—';
  return size.durationS === undefined ? pixels : `${pixels} · ${formatDuration(size.durationS)}`;
}

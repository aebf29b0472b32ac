import type { AssetKind } from '../vocabulary/asset-kinds';
import type { MediaTools } from './media-tools';
import { probeImage } from './probe-image';
import { probeVideo } from './probe-video';

/** What the asset row learns from probing its original. */
export interface MediaFacts {
  width: number;
  height: number;
  durationS: number | null;
  frameRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  hasAudio: boolean | null;
}

/** Probes a local file as the kind it was uploaded as: ffprobe for videos, sharp for images. */
export async function probeMedia(file: string, kind: AssetKind, tools: MediaTools): Promise<MediaFacts> {
  if (kind === 'video') return probeVideo(file, tools);
  const image = await probeImage(file);
  return { width: image.width, height: image.height, durationS: null, frameRate: null, videoCodec: null, audioCodec: null, hasAudio: null };
}

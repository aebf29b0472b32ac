/**
 * The encoder settings in one place: the preview renditions every video gets
 * (video-renditions.ts) and the ad cuts (cut-command.ts). Both are H.264 in yuv420p, which
 * every browser and ad platform plays.
 */

/** Previews: a quick encode at a modest quality, Main profile for the widest playback. */
export const PREVIEW_VIDEO_ARGS = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-profile:v', 'main', '-pix_fmt', 'yuv420p'];

/**
 * x264: `superfast` took about 30 % less CPU than `veryfast` on the 12-cut bench set, which is
 * what a 12-cut request needs to stay near 90 s on two cores. Its files are larger for the same
 * CRF (on the bench's noisy source, 463 MB at CRF 21 against 275 MB for veryfast at CRF 22), so
 * CRF 23 holds the size back; ad platforms re-encode on upload anyway.
 */
export const AD_CUT_VIDEO_ARGS = ['-c:v', 'libx264', '-preset', 'superfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p'];
/** Ad cuts' sound: AAC at 48 kHz stereo. */
export const AD_CUT_AUDIO_ARGS = ['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'];

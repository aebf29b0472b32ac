import type { CutSpec } from './cut-spec';
import { specHash } from '../assets/rendition-store';
import { cutKey } from '../storage/object-keys';

/**
 * What a cut is, as stored in its rendition row's `spec`: the choices that shape the output.
 * The frame size follows from the aspect, so it stays out and cannot make two hashes of one cut.
 */
export function adCutSpec(cut: CutSpec): CutSpec {
  const { aspect, durationS, startS, fit, disclosure } = cut;
  return { aspect, durationS, startS, fit, disclosure };
}

/**
 * Deterministic, so a retried job overwrites its own objects and the same cut asked for again
 * lands on the same key: `assets/<id>/cuts/<specHash>.mp4`.
 */
export function adCutKey(assetId: string, cut: CutSpec): string {
  return cutKey(assetId, cutSpecHash(cut), 'mp4');
}

/** The cut's poster, beside it: `assets/<id>/cuts/<specHash>.webp`. */
export function adCutPosterKey(assetId: string, cut: CutSpec): string {
  return cutKey(assetId, cutSpecHash(cut), 'webp');
}

const cutSpecHash = (cut: CutSpec): string => specHash({ ...adCutSpec(cut) });

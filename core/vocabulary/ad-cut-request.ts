/**
 * What a client may ask of an ad cut (POST /api/v1/assets/:id/cuts): formats, fits and limits.
 * Browser-safe (no Node, no ORM): the API's validation, the job payload and the dashboard's
 * form read these one definitions.
 */
/** The ad formats a cut can be made in, and their frame sizes (what ad platforms ask for). */
export const CUT_FRAMES = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '16:9': { width: 1920, height: 1080 },
} as const;

export type CutAspect = keyof typeof CUT_FRAMES;
export const CUT_ASPECTS = Object.keys(CUT_FRAMES) as CutAspect[];

/**
 * How the source fills the frame: `crop` scales it to cover the frame and cuts the overflow
 * (centred); `blur` shows all of it, fitted, over a blurred, cropped copy of itself.
 */
export type CutFit = 'crop' | 'blur';

/** One cut as a client asks for it (POST /api/v1/assets/:id/cuts). */
export interface CutRequest {
  aspect: CutAspect;
  durationS: number;
  /** Absent: the renderer picks the most eventful window (the hook). */
  startS?: number;
  fit?: CutFit;
  /** Absent: the default label for the license's territory; null: no label. */
  disclosure?: string | null;
}

/** Cuts one request may ask for: the full 4 aspects × 3 durations set, with room to spare. */
export const MAX_CUTS_PER_REQUEST = 16;
export const MIN_CUT_S = 1;
/** Disclosure labels are short badges, not captions. */
export const MAX_DISCLOSURE_CHARS = 40;

/** What a cut was made to (renditions.spec of kind `cut`, written by the media worker). */
export interface CutSpec {
  aspect: string;
  durationS: number;
  startS: number;
  fit: string;
  disclosure: string | null;
}

/** Reads a stored spec defensively: a field of the wrong type becomes a neutral value, never a crash. */
export function readCutSpec(spec: Record<string, unknown>): CutSpec {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    aspect: typeof spec.aspect === 'string' ? spec.aspect : '',
    durationS: num(spec.durationS),
    startS: num(spec.startS),
    fit: typeof spec.fit === 'string' ? spec.fit : 'crop',
    disclosure: typeof spec.disclosure === 'string' ? spec.disclosure : null,
  };
}

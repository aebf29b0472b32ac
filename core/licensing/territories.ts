import countries from 'i18n-iso-countries';

/** The territory that stands for every country (minus a license's exclusions). */
export const WORLDWIDE = 'WW';

const alpha2Codes: Readonly<Record<string, string>> = countries.getAlpha2Codes();

/** Every ISO 3166-1 alpha-2 code known, upper-case: what `WW` stands for. */
export const ALL_COUNTRIES: readonly string[] = Object.keys(alpha2Codes);

/** True for an ISO 3166-1 alpha-2 code from the package's list, upper-case only (`PL`, not `pl`). */
export function isCountryCode(code: string): boolean {
  return code.length === 2 && code === code.toUpperCase() && Object.hasOwn(alpha2Codes, code);
}

/**
 * Whether `territory` falls within `territories` minus `excluded`. Exclusions win over both `WW`
 * and an explicit listing. Case-insensitive, since callers pass codes as users typed them.
 * Asking for `WW` itself means "everywhere": only an unrestricted worldwide grant covers that.
 */
export function territoryCovered(territories: readonly string[], excluded: readonly string[], territory: string): boolean {
  const wanted = territory.toUpperCase();
  const worldwide = includesCode(territories, WORLDWIDE);
  if (wanted === WORLDWIDE) return worldwide && excluded.length === 0;
  if (includesCode(excluded, wanted)) return false;
  return worldwide || includesCode(territories, wanted);
}

const includesCode = (list: readonly string[], code: string) => list.some((t) => t.toUpperCase() === code);

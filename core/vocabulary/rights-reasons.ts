/**
 * Why a use is not covered, in the order the API contract lists them (responses keep this
 * order, so clients and tests can compare arrays). The dashboard names each in words.
 */
export const RIGHTS_REASONS = [
  'no_license',
  'not_active',
  'revoked',
  'not_started',
  'expired',
  'channel_not_granted',
  'territory_not_granted',
  'derivatives_not_allowed',
] as const;

export type RightsReason = (typeof RIGHTS_REASONS)[number];

/** A usage-ledger entry: the pull was granted (with the license behind it) or refused (with the reasons). */
export const USAGE_OUTCOMES = ['granted', 'refused'] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

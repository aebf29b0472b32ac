/**
 * Where a rights request stands: `pending` until the creator answers (accepted or declined), the
 * brand cancels it, or its link expires. Only `pending` changes; the others are final.
 */
export const RIGHTS_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type RightsRequestStatus = (typeof RIGHTS_REQUEST_STATUSES)[number];

/** The languages a creator may be asked in: the acceptance page, the DM text and the contract. */
export const REQUEST_LANGUAGES = ['pl', 'en'] as const;
export type RequestLanguageCode = (typeof REQUEST_LANGUAGES)[number];

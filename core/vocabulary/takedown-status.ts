/**
 * Where a creator's takedown request stands: `open` until a content manager has dealt with it
 * and marks it `resolved` (with a note saying what was done). Nothing is taken down
 * automatically: the request is a message to people, who decide.
 */
export const TAKEDOWN_STATUSES = ['open', 'resolved'] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

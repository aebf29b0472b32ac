import type { MessageKey } from './messages-en';

/**
 * What to say about a field the API refused, by the kind of problem (zod's issue code, sent as
 * `kind` in `details.issues`): each field has a sentence for the kinds people can run into and
 * one (`other`) for any other kind, or none given (an issue made of a bare code such as
 * `invalid_ends_at`). Every sentence names the field in words and says what to do.
 */
export interface FieldSentences {
  other: MessageKey;
  too_small?: MessageKey;
  too_big?: MessageKey;
  custom?: MessageKey;
}

/**
 * By field path as the API names it, one item of a list written `*` (`territories.*` is one
 * country of the list, `territories` the list as a whole). A rights request's `terms.*` are a
 * license's terms and share their sentences. A path not here falls back to its parent's.
 */
export const FIELD_SENTENCES: Record<string, FieldSentences> = {
  // License and rights-request terms.
  assetIds: { other: 'issue.assetIds', custom: 'issue.assetIds.cover', too_big: 'issue.assetIds.tooMany' },
  creatorId: { other: 'issue.creatorId', custom: 'issue.creatorId.both' },
  territories: { other: 'issue.territories', too_small: 'issue.territories.none', too_big: 'issue.territories.tooMany', custom: 'issue.territories.mixed' },
  'territories.*': { other: 'issue.territories' },
  excludedTerritories: { other: 'issue.excludedTerritories', custom: 'issue.excludedTerritories.none', too_big: 'issue.territories.tooMany' },
  'excludedTerritories.*': { other: 'issue.excludedTerritories' },
  channels: { other: 'issue.channels', too_small: 'issue.channels.none' },
  startsAt: { other: 'issue.startsAt' },
  // The only rule on an end that is a date: after the start.
  endsAt: { other: 'issue.endsAt', custom: 'issue.endsAt.order' },
  fee: { other: 'issue.fee' },
  'fee.amount': { other: 'issue.fee.amount' },
  'fee.currency': { other: 'issue.fee.currency' },
  exclusivity: { other: 'issue.exclusivity' },
  'exclusivity.category': { other: 'issue.exclusivity.category', too_big: 'issue.exclusivity.categoryLong' },
  'exclusivity.until': { other: 'issue.exclusivity.until' },
  notes: { other: 'issue.notes', too_big: 'issue.notes.long' },
  status: { other: 'issue.status' },
  // A rights request's own fields.
  message: { other: 'issue.message', too_big: 'issue.message.long' },
  language: { other: 'issue.language' },
  // Its sentence says 90 days: the API's MAX_REQUEST_DAYS (request-form.ts's MAX_EXPIRY_DAYS).
  expiresAt: { other: 'issue.expiresAt' },
  // An FAQ entry.
  question: { other: 'issue.question', too_big: 'issue.question.long' },
  answer: { other: 'issue.answer', too_big: 'issue.answer.long' },
  // An asset's details.
  title: { other: 'issue.title', too_big: 'issue.title.long' },
  productSkus: { other: 'issue.productSkus', too_big: 'issue.productSkus.tooMany' },
};

import { ApiError } from '../api/api-error';
import type { Creator } from '../api/api-types';
import type { MessageKey } from '../i18n/messages-en';

/** The creator's editable details as typed: engagement in per cent ("3.4"), the rest as shown. */
export interface CreatorForm {
  handle: string;
  followers: string;
  engagement: string;
  contactEmail: string;
}

export type CreatorField = keyof CreatorForm | 'form';

/** What PATCH /api/v1/creators/:id takes; only the fields that changed are sent. */
export interface CreatorChange {
  handle?: string;
  followers?: number;
  /** A fraction: 0.034 is 3.4 %. */
  engagementRate?: number | null;
  contactEmail?: string | null;
}

/** Per cent with at most two decimals, as people write it ("3.4", not "3.4000000000000004"). */
export const percentText = (rate: number): string => String(Math.round(rate * 10_000) / 100);

export function creatorToForm(creator: Pick<Creator, 'handle' | 'followers' | 'engagementRate' | 'contactEmail'>): CreatorForm {
  return {
    handle: creator.handle,
    followers: String(creator.followers),
    engagement: creator.engagementRate === null ? '' : percentText(creator.engagementRate),
    contactEmail: creator.contactEmail ?? '',
  };
}

/** The handle as platforms compare it: no leading "@", lower case (what the API stores). */
export const sameHandle = (a: string, b: string): boolean => comparable(a) === comparable(b);
const comparable = (handle: string): string => handle.trim().replace(/^@+/, '').normalize('NFKC').toLowerCase();

/** Per cent typed with a point or a comma ("3,4" in Polish), or null when it is not a number. */
function parsePercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/**
 * What is wrong before sending (the API would refuse it, or it cannot be sent as a number),
 * as message keys by field; empty when the form may go.
 */
export function creatorFormProblems(form: CreatorForm): Partial<Record<CreatorField, MessageKey>> {
  const problems: Partial<Record<CreatorField, MessageKey>> = {};
  if (!comparable(form.handle)) problems.handle = 'creatorEdit.needHandle';
  if (!/^\d+$/.test(form.followers.trim())) problems.followers = 'creatorEdit.badFollowers';
  if (form.engagement.trim()) {
    const percent = parsePercent(form.engagement);
    if (percent === null || percent < 0 || percent > 100) problems.engagement = 'creatorEdit.badEngagement';
  }
  return problems;
}

/**
 * The fields that differ from the creator as saved: a blank engagement or e-mail clears it
 * (null); a handle that differs only as platforms do not tell apart (`@Ola` for `ola`) is no
 * change. Call once creatorFormProblems is empty.
 */
export function changedCreator(creator: Pick<Creator, 'handle' | 'followers' | 'engagementRate' | 'contactEmail'>, form: CreatorForm): CreatorChange {
  const change: CreatorChange = {};
  if (!sameHandle(form.handle, creator.handle)) change.handle = form.handle.trim();
  const followers = Number(form.followers.trim());
  if (followers !== creator.followers) change.followers = followers;
  const percent = parsePercent(form.engagement);
  const rate = percent === null ? null : Math.round(percent * 100) / 10_000;
  const before = creator.engagementRate === null ? null : Math.round(creator.engagementRate * 10_000) / 10_000;
  if (rate !== before) change.engagementRate = rate;
  const email = form.contactEmail.trim() || null;
  if (email !== creator.contactEmail) change.contactEmail = email;
  return change;
}

/**
 * A refusal of the API in sentences at the fields: a handle another creator of the platform
 * already has (409), a field the API judged wrong (422, each field's own sentence rather than
 * the validator's wording); anything else is for the caller to say.
 */
export function creatorRefusal(error: unknown): Partial<Record<CreatorField, MessageKey>> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409 && error.code === 'creator_exists') return { handle: 'creatorEdit.handleTaken' };
  if (error.status !== 422) return null;
  const byField: Partial<Record<CreatorField, MessageKey>> = {};
  for (const issue of error.issues) {
    const field = FIELD_OF[issue.field?.split('.')[0] ?? ''];
    if (field) byField[field] ??= REFUSAL[field];
  }
  return Object.keys(byField).length ? byField : null;
}

const FIELD_OF: Record<string, keyof CreatorForm> = {
  handle: 'handle',
  followers: 'followers',
  engagementRate: 'engagement',
  contactEmail: 'contactEmail',
};

const REFUSAL: Record<keyof CreatorForm, MessageKey> = {
  handle: 'creatorEdit.badHandle',
  followers: 'creatorEdit.badFollowers',
  engagement: 'creatorEdit.badEngagement',
  contactEmail: 'creatorEdit.badEmail',
};

/** An erased creator stays as a pseudonym, `erased-<id>`, that licenses and the ledger point at. */
export const isErased = (creator: Pick<Creator, 'id' | 'handle'>): boolean => creator.handle === `erased-${creator.id}`;

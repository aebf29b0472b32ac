import type { Exclusivity } from '../api/api-types';
import { endFromLastDay, localDate, startFromDay } from './license-timing';

/**
 * The terms a license grants and a rights request proposes, in the shapes form controls hold
 * (strings, days): the license editor and the "Ask for rights" form both edit these.
 */
export interface TermsForm {
  worldwide: boolean;
  countries: string[];
  excluded: string[];
  channels: string[];
  startDay: string;
  lastDay: string;
  perpetual: boolean;
  derivativesAllowed: boolean;
  disclosureRequired: boolean;
  attributionRequired: boolean;
  feeAmount: string;
  feeCurrency: string;
}

/** The body fields of the terms, which name the control an API message belongs to. */
export type TermsField = 'territories' | 'excludedTerritories' | 'channels' | 'startsAt' | 'endsAt' | 'fee';
export const TERMS_FIELDS: readonly TermsField[] = ['territories', 'excludedTerritories', 'channels', 'startsAt', 'endsAt', 'fee'];

/** Changes one term of the form. */
export type SetTerm = <K extends keyof TermsForm>(key: K, value: TermsForm[K]) => void;

/** A year from today, in chosen countries, no channel yet: what a new license or request starts from. */
export function newTermsForm(today = new Date()): TermsForm {
  const inAYear = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate() - 1);
  return {
    worldwide: false,
    countries: [],
    excluded: [],
    channels: [],
    startDay: localDate(today),
    lastDay: localDate(inAYear),
    perpetual: false,
    derivativesAllowed: false,
    disclosureRequired: true,
    attributionRequired: false,
    feeAmount: '',
    feeCurrency: 'PLN',
  };
}

/** The terms as the API takes them. Values go as typed: the API validates them and says what is wrong. */
export function termsToBody(form: TermsForm) {
  return {
    territories: form.worldwide ? ['WW'] : form.countries,
    excludedTerritories: form.worldwide ? form.excluded : [],
    channels: form.channels,
    startsAt: form.startDay ? startFromDay(form.startDay) : '',
    endsAt: form.perpetual ? null : form.lastDay ? endFromLastDay(form.lastDay) : '',
    derivativesAllowed: form.derivativesAllowed,
    fee: form.feeAmount.trim() ? { amount: typedAmount(form.feeAmount), currency: form.feeCurrency.trim() } : null,
    disclosureRequired: form.disclosureRequired,
    attributionRequired: form.attributionRequired,
  };
}

/**
 * An amount as people type it in either language ("1 500,50", "1500.50") as the API takes it
 * ("1500.50"): spaces between thousands go, and a decimal comma becomes a point. Anything else
 * is sent as typed, for the API to refuse in words.
 */
export function typedAmount(typed: string): string {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
}

/** Exclusivity as form controls hold it: a license has it, and a renewal proposes it again. */
export interface ExclusivityForm {
  exclusivityScope: Exclusivity['scope'];
  exclusivityCategory: string;
  /** The last day of exclusivity ('' for as long as the license). */
  exclusivityUntil: string;
}

/** Changes one exclusivity control. */
export type SetExclusivity = <K extends keyof ExclusivityForm>(key: K, value: ExclusivityForm[K]) => void;

/** Exclusivity as the API takes it: null when there is none. */
export function exclusivityToBody(form: ExclusivityForm): Exclusivity | null {
  if (form.exclusivityScope === 'none' && !form.exclusivityUntil) return null;
  return {
    scope: form.exclusivityScope,
    ...(form.exclusivityScope === 'category' && form.exclusivityCategory.trim() ? { category: form.exclusivityCategory.trim() } : {}),
    ...(form.exclusivityUntil ? { until: endFromLastDay(form.exclusivityUntil) } : {}),
  };
}

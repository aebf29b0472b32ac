import type { CodeDiscountView } from '../../../../core/contract/creator-code-replies';
import type { I18n } from '../i18n/i18n';
import { typedAmount } from '../licenses/terms-form';

export type DiscountKind = 'none' | 'percent' | 'amount';

/** The discount part of the add-code form, as its controls hold it. */
export interface DiscountForm {
  kind: DiscountKind;
  percent: string;
  amount: string;
  currency: string;
}

export const EMPTY_DISCOUNT: DiscountForm = { kind: 'none', percent: '', amount: '', currency: 'PLN' };

/**
 * The discount as the API takes it. The percent goes as typed when it is not a plain number, so
 * that the API refuses it in words (invalid_discount) rather than the form guessing.
 */
export function discountToBody(form: DiscountForm): { percent: number | string } | { amount: string; currency: string } | null {
  if (form.kind === 'percent') {
    const typed = form.percent.trim();
    return { percent: /^\d+$/.test(typed) ? Number(typed) : typed };
  }
  if (form.kind === 'amount') return { amount: typedAmount(form.amount), currency: form.currency.trim() };
  return null;
}

/** "15% off", "PLN 12.50 off" / "12,50 zł zniżki": the money in the UI language's own way. */
export function discountWords({ t, lang }: Pick<I18n, 't' | 'lang'>, discount: CodeDiscountView): string {
  if (discount === null) return t('codes.noDiscount');
  if ('percent' in discount) return t('codes.percentOff', { n: discount.percent });
  return t('codes.amountOff', { amount: money(lang, discount.amount, discount.currency) });
}

function money(lang: string, amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`; // a currency this browser does not know: as stored
  }
}

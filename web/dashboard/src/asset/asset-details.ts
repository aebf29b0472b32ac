import type { FieldIssue } from '../api/api-error';
import { PRODUCT_SKU, type Asset } from '../api/api-types';
import { sentencesByField } from '../i18n/issue-sentence';
import type { Words } from '../i18n/reason-sentence';

/** The edit details form as typed: products as one comma-separated line. */
export interface DetailsForm {
  title: string;
  products: string;
  notes: string;
}

export type DetailsField = keyof DetailsForm | 'form';

/** What PATCH /api/v1/assets/:id takes; only the fields that changed are sent. */
export interface DetailsChange {
  title?: string | null;
  productSkus?: string[];
  notes?: string | null;
}

export function detailsToForm(asset: Pick<Asset, 'title' | 'productSkus' | 'notes'>): DetailsForm {
  return { title: asset.title ?? '', products: asset.productSkus.join(', '), notes: asset.notes ?? '' };
}

/** The SKUs of the products line: split on commas and spaces (a SKU has neither), each once, in the order typed. */
export function parseSkus(line: string): string[] {
  return [...new Set(line.split(/[\s,;]+/).filter(Boolean))];
}

/** The SKUs the API would refuse (the same rule it holds them to). */
export function invalidSkus(line: string): string[] {
  return parseSkus(line).filter((sku) => !PRODUCT_SKU.test(sku));
}

const blankToNull = (text: string): string | null => (text.trim() ? text : null);

/**
 * The fields that differ from the asset as saved: a blank title or notes clears it (null); the
 * products are compared as sets, since the API keeps them sorted.
 */
export function changedDetails(asset: Pick<Asset, 'title' | 'productSkus' | 'notes'>, form: DetailsForm): DetailsChange {
  const change: DetailsChange = {};
  const title = blankToNull(form.title.trim());
  if (title !== asset.title) change.title = title;
  const skus = parseSkus(form.products);
  const before = new Set(asset.productSkus);
  if (skus.length !== before.size || skus.some((sku) => !before.has(sku))) change.productSkus = skus;
  const notes = blankToNull(form.notes);
  if (notes !== asset.notes) change.notes = notes;
  return change;
}

/** The API's issues as sentences, by the form field they concern (`productSkus.2` is the products line); the first of each. */
export function detailsIssuesByField(t: Words['t'], issues: readonly FieldIssue[]): Partial<Record<DetailsField, string>> {
  return sentencesByField(t, issues, detailsFieldOf);
}

function detailsFieldOf(path: string | null): DetailsField {
  const first = path?.split('.')[0] ?? '';
  return first === 'productSkus' ? 'products' : first === 'title' || first === 'notes' ? first : 'form';
}

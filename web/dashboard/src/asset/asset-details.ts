import type { FieldIssue } from '../api/api-error';
import { PRODUCT_SKU, type Asset } from '../api/api-types';

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

/** The API's issues by the form field they concern (`productSkus.2` is the products line); the first message of each. */
export function detailsIssuesByField(issues: FieldIssue[]): Partial<Record<DetailsField, string>> {
  const byField: Partial<Record<DetailsField, string>> = {};
  for (const issue of issues) {
    const first = issue.field?.split('.')[0] ?? '';
    const field: DetailsField = first === 'productSkus' ? 'products' : first === 'title' || first === 'notes' ? first : 'form';
    byField[field] ??= issue.message;
  }
  return byField;
}

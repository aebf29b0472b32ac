import { changedDetails, detailsIssuesByField, detailsToForm, invalidSkus, parseSkus } from '../../web/dashboard/src/asset/asset-details';
import { tFor } from './ui-words';

/** The asset screen's Edit details form (no DOM): the products line, PATCH bodies of changes only, the API's issues by field. */
const asset = { title: 'Linen tote', productSkus: ['SKU-A', 'SKU-B'], notes: null };

describe('the products line', () => {
  it('splits on commas and spaces, keeps each SKU once, in the order typed', () => {
    expect(parseSkus(' SKU-B,SKU-A ,, SKU-B  sku.c_1 ')).toEqual(['SKU-B', 'SKU-A', 'sku.c_1']);
    expect(parseSkus('  ')).toEqual([]);
  });

  it('finds the SKUs the API would refuse, by its own rule', () => {
    expect(invalidSkus('SKU-A, tote/blue, -lead, ok.1')).toEqual(['tote/blue', '-lead']);
    expect(invalidSkus(`A${'x'.repeat(63)}`)).toEqual([]);
    expect(invalidSkus(`A${'x'.repeat(64)}`)).toHaveLength(1);
  });
});

describe('changes', () => {
  it('sends nothing when nothing changed, products compared as a set', () => {
    expect(changedDetails(asset, detailsToForm(asset))).toEqual({});
    expect(changedDetails(asset, { ...detailsToForm(asset), products: 'SKU-B, SKU-A' })).toEqual({});
  });

  it('sends only what changed; a blank title or notes clears it', () => {
    expect(changedDetails(asset, { title: '  Tote  ', products: 'SKU-A', notes: 'Ask first' })).toEqual({
      title: 'Tote',
      productSkus: ['SKU-A'],
      notes: 'Ask first',
    });
    expect(changedDetails({ ...asset, notes: 'old' }, { title: ' ', products: 'SKU-A, SKU-B', notes: '  ' })).toEqual({ title: null, notes: null });
    expect(changedDetails(asset, { ...detailsToForm(asset), products: '' })).toEqual({ productSkus: [] });
  });

  it('puts the API’s issues at their fields, as sentences', () => {
    const t = tFor('en');
    expect(
      detailsIssuesByField(t, [
        { field: 'productSkus.1', message: 'bad sku', kind: 'invalid_format' },
        { field: 'productSkus.3', message: 'another', kind: 'invalid_format' },
        { field: 'notes', message: 'too long', kind: 'too_big', origin: 'string', maximum: 10_000 },
        { field: null, message: 'no field', kind: 'custom' },
      ]),
    ).toEqual({ products: t('issue.productSkus'), notes: 'Keep the notes to at most 10000 characters.', form: t('apiError.invalidAny') });
  });
});

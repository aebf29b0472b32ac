import { useApi } from '../api/api-context';
import type { ProductList } from '../api/product-types';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useLoad } from '../ui/use-load';

/**
 * The products to choose from, most commented first, each with its count of comments: chosen,
 * not typed, so a SKU cannot be mistyped. A product named only in the address stays offered.
 */
export function ProductPicker({ sku }: { sku: string | null }) {
  const api = useApi();
  const { t, number } = useI18n();
  const products = useLoad(() => api.get<ProductList>('/api/v1/products'), [api]);
  const items = products.data?.items ?? [];
  const listed = sku === null || items.some((p) => p.sku === sku);
  return (
    <div className="product-picker">
      <Field label={t('insights.product')} hint={products.data?.truncated ? t('insights.productsTruncated', { n: number(items.length) }) : undefined}>
        <select value={sku ?? ''} disabled={!products.data} onChange={(e) => e.target.value && navigate(`/insights/${encodeURIComponent(e.target.value)}`)}>
          <option value="">{products.data ? (items.length ? t('insights.chooseProduct') : t('insights.noProducts')) : t('common.loading')}</option>
          {!listed && <option value={sku}>{sku}</option>}
          {items.map((p) => (
            <option key={p.sku} value={p.sku}>
              {t('insights.productOption', { sku: p.sku, n: number(p.comments) })}
            </option>
          ))}
        </select>
      </Field>
      <ErrorAlert error={products.error} />
    </div>
  );
}

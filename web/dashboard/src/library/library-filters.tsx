import { useEffect, useState } from 'react';
import { CHANNELS, type Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../routing/router';
import { ChoiceSelect, type Choices } from '../ui/choice-select';
import { Field } from '../ui/field';

/** The filters live in the address (?kind=video&licenseState=expiring…), so a view can be shared and survives reload. */
export const FILTER_NAMES = ['q', 'creatorId', 'product', 'kind', 'status', 'licenseState', 'channel'] as const;

const SEARCH_DELAY_MS = 300;

export function LibraryFilters({ query, creators }: { query: URLSearchParams; creators: Creator[] }) {
  const { t, label } = useI18n();
  const [search, setSearch] = useState(query.get('q') ?? '');
  const [product, setProduct] = useState(query.get('product') ?? '');

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: true });
  };

  // Typing waits for a pause before the address (and with it the list) changes.
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = new URLSearchParams(query);
      for (const [name, value] of [
        ['q', search.trim()],
        ['product', product.trim()],
      ] as const) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      if (next.toString() !== query.toString()) navigate(next.size ? `/?${next}` : '/', { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, product, query]);

  const select = (name: string, choices: Choices) => (
    <ChoiceSelect value={query.get(name) ?? ''} onChange={(value) => set(name, value)} any={t('filter.any')} choices={choices} />
  );

  return (
    <form className="filters" role="search" aria-label={t('library.filters')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('filter.search')}>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('filter.searchPlaceholder')} />
      </Field>
      <Field label={t('filter.creator')}>
        {select(
          'creatorId',
          creators.map((c) => [c.id, `@${c.handle} (${c.platform})`]),
        )}
      </Field>
      <Field label={t('filter.product')}>
        <input type="text" value={product} onChange={(e) => setProduct(e.target.value)} placeholder="SKU-…" />
      </Field>
      <Field label={t('filter.kind')}>
        {select(
          'kind',
          ['image', 'video'].map((k) => [k, label('kind', k)]),
        )}
      </Field>
      <Field label={t('filter.status')}>
        {select(
          'status',
          ['uploaded', 'processing', 'ready', 'failed'].map((s) => [s, label('status', s)]),
        )}
      </Field>
      <Field label={t('filter.licenseState')}>
        {select(
          'licenseState',
          ['active', 'expiring', 'expired', 'none'].map((s) => [s, label('assetLicense', s)]),
        )}
      </Field>
      <Field label={t('filter.channel')}>
        {select(
          'channel',
          CHANNELS.map((c) => [c, label('channel', c)]),
        )}
      </Field>
    </form>
  );
}

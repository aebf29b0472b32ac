import type { Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useSearchText } from '../lists/address-filters';
import { ChoiceSelect } from '../ui/choice-select';
import { Field } from '../ui/field';
import { CREATOR_TIERS } from '../../../../core/vocabulary/creator-tier';

/** The Creators screen's filters, in the address (`/creators?tier=micro&sort=followers…`). */
export const CREATOR_FILTERS = ['q', 'platform', 'tier', 'sort'] as const;
const SORTS = ['newest', 'followers', 'engagement', 'handle'] as const;

/** `known` gives the platforms to offer: those of the creators already in the library. */
export function CreatorListFilters({ query, set, known }: { query: URLSearchParams; set: (changes: Record<string, string>) => void; known: Creator[] }) {
  const { t, label } = useI18n();
  const [search, setSearch] = useSearchText(query, set);
  const platforms = [...new Set([...known.map((c) => c.platform), query.get('platform') ?? ''])].filter(Boolean).sort();
  return (
    <form className="filters" role="search" aria-label={t('creators.filters')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('filter.search')}>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('creators.searchPlaceholder')} />
      </Field>
      <Field label={t('creator.platform')}>
        <ChoiceSelect
          value={query.get('platform') ?? ''}
          onChange={(platform) => set({ platform })}
          any={t('filter.any')}
          choices={platforms.map((p) => [p, p])}
        />
      </Field>
      <Field label={t('creators.tier')}>
        <ChoiceSelect
          value={query.get('tier') ?? ''}
          onChange={(tier) => set({ tier })}
          any={t('filter.any')}
          choices={CREATOR_TIERS.map((tier) => [tier, label('tier', tier)])}
        />
      </Field>
      <Field label={t('creators.sort')}>
        <ChoiceSelect
          value={query.get('sort') ?? 'newest'}
          onChange={(sort) => set({ sort: sort === 'newest' ? '' : sort })}
          choices={SORTS.map((s) => [s, t(`creators.sort.${s}`)])}
        />
      </Field>
    </form>
  );
}

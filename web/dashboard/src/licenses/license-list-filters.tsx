import { CHANNELS, type Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useSearchText } from '../lists/address-filters';
import { ChoiceSelect, type Choices } from '../ui/choice-select';
import { Field } from '../ui/field';
import { COUNTRY_CODES } from './countries';
import { LICENSE_STATES } from '../../../../core/vocabulary/license-state';

/** The Licenses screen's filters, in the address (`/licenses?state=expiring&channel=ooh…`). */
export const LICENSE_FILTERS = ['q', 'state', 'channel', 'territory', 'creatorId', 'sort'] as const;

export function LicenseListFilters({ query, set, creators }: { query: URLSearchParams; set: (changes: Record<string, string>) => void; creators: Creator[] }) {
  const { t, label, country } = useI18n();
  const [search, setSearch] = useSearchText(query, set);
  const select = (name: string, choices: Choices) => (
    <ChoiceSelect value={query.get(name) ?? ''} onChange={(value) => set({ [name]: value })} any={t('filter.any')} choices={choices} />
  );
  const territories: Array<[string, string]> = [
    ['WW', t('licenses.worldwide')],
    ...COUNTRY_CODES.map((c): [string, string] => [c, country(c)]).sort((a, b) => a[1].localeCompare(b[1])),
  ];

  return (
    <form className="filters" role="search" aria-label={t('licenses.filters')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('filter.search')}>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('licenses.searchPlaceholder')} />
      </Field>
      <Field label={t('licenses.state')}>
        {select(
          'state',
          LICENSE_STATES.map((s) => [s, label('licenseState', s)]),
        )}
      </Field>
      <Field label={t('filter.channel')}>
        {select(
          'channel',
          CHANNELS.map((c) => [c, label('channel', c)]),
        )}
      </Field>
      <Field label={t('licenses.territory')}>{select('territory', territories)}</Field>
      <Field label={t('filter.creator')}>
        {select(
          'creatorId',
          creators.map((c) => [c.id, `@${c.handle} (${c.platform})`]),
        )}
      </Field>
      <Field label={t('licenses.sort')}>
        <ChoiceSelect
          value={query.get('sort') ?? 'created'}
          onChange={(sort) => set({ sort: sort === 'created' ? '' : sort })}
          choices={(['created', 'ends', 'starts'] as const).map((s) => [s, t(`licenses.sort.${s}`)])}
        />
      </Field>
    </form>
  );
}

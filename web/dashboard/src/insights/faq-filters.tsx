import { SENTIMENTS, TOPICS } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ChoiceSelect } from '../ui/choice-select';
import { Field } from '../ui/field';

/** What the queue can be narrowed to; empty strings mean "any". */
export interface FaqFilterValues {
  topic: string;
  sentiment: string;
  lang: string;
  q: string;
  /** Days back, or '' for any time. */
  days: string;
  dismissed: boolean;
}

export const NO_FILTERS: FaqFilterValues = { topic: '', sentiment: '', lang: '', q: '', days: '', dismissed: false };
const LANGS = ['pl', 'en', 'other'] as const;
const PERIODS = ['7', '30', '90'] as const;

/** The list request's query for these filters (the period as a start time: the API filters by when comments were asked). */
export function filterQuery(sku: string, f: FaqFilterValues, now = Date.now()): string {
  const params = new URLSearchParams({ productSku: sku });
  for (const key of ['topic', 'sentiment', 'lang', 'q'] as const) if (f[key].trim()) params.set(key, f[key].trim());
  if (f.days) params.set('since', new Date(now - Number(f.days) * 24 * 3600_000).toISOString());
  if (f.dismissed) params.set('dismissed', 'only');
  return params.toString();
}

export function FaqFilters({ value, onChange }: { value: FaqFilterValues; onChange: (next: FaqFilterValues) => void }) {
  const { t, label } = useI18n();
  const set = (patch: Partial<FaqFilterValues>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="faq-filters">
      <legend>{t('faq.filters')}</legend>
      <Field label={t('faq.filter.search')}>
        <input type="search" value={value.q} onChange={(e) => set({ q: e.target.value })} />
      </Field>
      <Field label={t('faq.filter.topic')}>
        <ChoiceSelect value={value.topic} onChange={(topic) => set({ topic })} any={t('faq.filter.any')} choices={TOPICS.map((c) => [c, label('topic', c)])} />
      </Field>
      <Field label={t('faq.filter.sentiment')}>
        <ChoiceSelect
          value={value.sentiment}
          onChange={(sentiment) => set({ sentiment })}
          any={t('faq.filter.any')}
          choices={SENTIMENTS.map((c) => [c, label('sentiment', c)])}
        />
      </Field>
      <Field label={t('faq.filter.language')}>
        <ChoiceSelect value={value.lang} onChange={(lang) => set({ lang })} any={t('faq.filter.any')} choices={LANGS.map((c) => [c, label('language', c)])} />
      </Field>
      <Field label={t('faq.filter.period')}>
        <ChoiceSelect
          value={value.days}
          onChange={(days) => set({ days })}
          any={t('faq.filter.anyTime')}
          choices={PERIODS.map((c) => [c, t('faq.filter.days', { n: c })])}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={value.dismissed} onChange={(e) => set({ dismissed: e.target.checked })} /> {t('faq.filter.dismissed')}
      </label>
    </fieldset>
  );
}

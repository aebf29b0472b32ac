import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { FaqEntry } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { useLoad } from '../ui/use-load';
import { FaqFilters, filterQuery, NO_FILTERS, type FaqFilterValues } from './faq-filters';
import { FaqRow } from './faq-row';

const FIRST_ROWS = 15;

/**
 * A product's FAQ entries as a review queue: one line each, most asked first, filtered; one
 * expanded at a time to edit; rows ticked to merge (into the most asked of them, whose wording
 * and answer stay). Any change reloads the list, since a merge, split or dismissal moves rows.
 */
export function FaqQueue({ sku }: { sku: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [filters, setFilters] = useState<FaqFilterValues>(NO_FILTERS);
  const query = filterQuery(sku, filters);
  const list = useLoad(() => api.get<{ items: FaqEntry[] }>(`/api/v1/faq?${query}`), [api, query]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [showAll, setShowAll] = useState(false);
  const items = list.data?.items ?? [];
  // The most asked come first and are what a review starts with; the long tail waits for a click.
  const shown = showAll ? items : items.slice(0, FIRST_ROWS);
  const select = (id: string, on: boolean) => setSelected((old) => new Set([...old].filter((s) => s !== id).concat(on ? [id] : [])));

  const merge = async () => {
    // Most asked first in the list: the first ticked row is the one that stays.
    const [target, ...from] = items.filter((e) => selected.has(e.id));
    setError(null);
    try {
      await api.send('POST', `/api/v1/faq/${target!.id}/merge`, { from: from.map((e) => e.id) });
      setSelected(new Set());
      setNote(t('faq.merged', { n: from.length + 1 }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const changed = (note: string) => {
    setNote(note);
    list.reload();
  };

  return (
    <section className="faq-queue" aria-labelledby="faq-heading">
      <h2 id="faq-heading">{t('faq.title')}</h2>
      <FaqFilters value={filters} onChange={setFilters} />
      <div className="button-row">
        <button type="button" onClick={merge} disabled={selected.size < 2}>
          {t('faq.merge', { n: selected.size })}
        </button>
        <span className="hint">{t('faq.mergeHint')}</span>
        <span role="status">{note}</span>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && items.length === 0 && <p className="empty">{filters === NO_FILTERS ? t('faq.empty') : t('faq.noMatch')}</p>}
      <div className="faq-rows">
        {shown.map((entry) => (
          <FaqRow
            key={entry.id}
            entry={entry}
            selected={selected.has(entry.id)}
            onSelect={(on) => select(entry.id, on)}
            expanded={expanded === entry.id}
            onExpand={(on) => setExpanded(on ? entry.id : null)}
            onChanged={() => changed(t('faq.saved'))}
            onSplit={() => changed(t('faq.splitDone'))}
          />
        ))}
      </div>
      {shown.length < items.length && (
        <button type="button" className="load-more" onClick={() => setShowAll(true)}>
          {t('faq.showAll', { n: items.length })}
        </button>
      )}
    </section>
  );
}

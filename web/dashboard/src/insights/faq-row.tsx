import type { FaqEntry } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Badge, toneOf } from '../ui/badge';
import { FaqComments } from './faq-comments';
import { FaqEntryEditor } from './faq-entry-editor';

interface FaqRowProps {
  entry: FaqEntry;
  selected: boolean;
  onSelect: (on: boolean) => void;
  expanded: boolean;
  onExpand: (on: boolean) => void;
  onChanged: (entry: FaqEntry) => void;
  onSplit: (created: FaqEntry) => void;
}

/**
 * One entry of the review queue on a line: tick to merge, how often and how lately it is asked,
 * topic, language, status; expanded, its editor and comments open under it, full width.
 */
export function FaqRow({ entry, selected, onSelect, expanded, onExpand, onChanged, onSplit }: FaqRowProps) {
  const { t, label } = useI18n();
  const headingId = `faq-${entry.id}`;
  return (
    <article className={`faq-row${expanded ? ' expanded' : ''}`} aria-labelledby={headingId}>
      <div className="faq-row-line">
        <input type="checkbox" aria-label={t('faq.select', { question: entry.question })} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <span className="faq-count" title={t('faq.count', { n: entry.count })}>
          {entry.count}
        </span>
        <h3 id={headingId}>{entry.question}</h3>
        <Trend entry={entry} />
        <span className="badges">
          <Badge tone="neutral">{label('topic', entry.topic)}</Badge>
          {entry.lang && <Badge tone="neutral">{label('language', entry.lang)}</Badge>}
          <Badge tone={entry.dismissed ? 'neutral' : toneOf(entry.status)}>{entry.dismissed ? t('faq.dismissed') : label('faqStatus', entry.status)}</Badge>
        </span>
        <button type="button" aria-expanded={expanded} onClick={() => onExpand(!expanded)}>
          {expanded ? t('faq.close') : t('faq.edit')}
        </button>
      </div>
      {expanded && (
        <div className="faq-row-body">
          <FaqEntryEditor entry={entry} onChanged={onChanged} />
          <FaqComments entry={entry} onSplit={onSplit} />
        </div>
      )}
    </article>
  );
}

/** Asked in the last 7 days against the 7 before: an arrow and the figures, spelled out for screen readers. */
function Trend({ entry }: { entry: FaqEntry }) {
  const { t } = useI18n();
  const { thisWeek, lastWeek } = entry.trend ?? { thisWeek: 0, lastWeek: 0 };
  const arrow = thisWeek > lastWeek ? '↑' : thisWeek < lastWeek ? '↓' : '→';
  return (
    <span className="faq-trend" title={t('faq.trend', { now: thisWeek, before: lastWeek })}>
      <span aria-hidden="true">
        {arrow} {thisWeek}
      </span>
      <span className="visually-hidden">{t('faq.trend', { now: thisWeek, before: lastWeek })}</span>
    </span>
  );
}

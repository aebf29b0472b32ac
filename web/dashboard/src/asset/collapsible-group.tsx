import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A group of renditions that starts closed and says how many it holds, so a long asset page
 * stays short and one opens only what one came for. Native details/summary: a button to
 * keyboards and screen readers, with its open state announced, at no script cost. Its content
 * is not rendered while closed, so the images inside are not fetched until it is opened.
 */
export function CollapsibleGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t, number } = useI18n();
  return (
    <details className="rendition-group">
      <summary>{t('asset.groupSummary', { name: title, count: number(count) })}</summary>
      <div className="rendition-group-body">{children}</div>
    </details>
  );
}

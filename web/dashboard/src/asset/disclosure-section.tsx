import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A secondary section of the asset page that starts closed: only its heading shows, with a
 * count where there is one ("Usage ledger (4)"), so the page fits a screen or two and one opens
 * what one came for. The heading holds a button with aria-expanded (the WAI-ARIA accordion
 * pattern), so the section stays a named region and a heading to jump to while closed. Its
 * content is hidden, not removed, while closed: a half-filled form or a running job survives
 * closing and opening again, and what loads inside can give the heading its count.
 */
export function DisclosureSection({
  id,
  title,
  count,
  defaultOpen = false,
  className,
  children,
}: {
  /** Prefix of the heading's id (`${id}-heading`) and the content's (`${id}-body`). */
  id: string;
  title: string;
  /** Shown in brackets after the title; a string so "50+" can be said. */
  count?: number | string;
  defaultOpen?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { number } = useI18n();
  const [open, setOpen] = useState(defaultOpen);
  const shownCount = typeof count === 'number' ? number(count) : count;
  return (
    <section className={['card', 'disclosure-section', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="disclosure-heading">
        <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span>
            {title}
            {shownCount !== undefined && <span className="disclosure-count"> ({shownCount})</span>}
          </span>
        </button>
      </h2>
      <div id={`${id}-body`} className="disclosure-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}

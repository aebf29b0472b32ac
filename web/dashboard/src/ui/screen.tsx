import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's main region. On arrival the heading takes focus, so a screen reader announces
 * the new screen and keyboard users continue from its top, as after a full page load.
 */
export function Screen({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · UGC`;
    heading.current?.focus();
  }, [title]);
  return (
    <main id="main" className="screen">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </div>
      {children}
    </main>
  );
}

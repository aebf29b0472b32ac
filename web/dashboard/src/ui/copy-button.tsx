import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

const COPIED_MS = 4000;

/**
 * Copies `text` to the clipboard and says "Copied" (a live region, so screen readers hear it).
 * Where the browser gives no clipboard (no permission, a page not served securely), the text
 * appears in a field, already selected, to copy by hand.
 */
export function CopyButton({ text, label, multiline = false }: { text: string; label: string; multiline?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state === 'manual') field.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className={`copy${state === 'manual' ? ' copy-manual' : ''}`}>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? t('copy.copied') : ''}
      </span>
      {state === 'manual' && (
        <div className="copy-fallback">
          <label htmlFor={id}>{t('copy.manual')}</label>
          {multiline ? (
            <textarea ref={field} id={id} readOnly rows={4} value={text} autoFocus onFocus={(e) => e.target.select()} />
          ) : (
            <input ref={field} id={id} readOnly value={text} autoFocus onFocus={(e) => e.target.select()} />
          )}
        </div>
      )}
    </div>
  );
}

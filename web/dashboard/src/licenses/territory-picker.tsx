import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { COUNTRY_CODES, EU_CODES } from './countries';

/**
 * Chooses countries: type a name or code (suggestions from the browser's list), Enter or "Add";
 * each chosen country is a chip with its own remove button. Unknown text is still added, as
 * typed, so the API's own message about it shows at the field.
 */
export function TerritoryPicker({
  label,
  codes,
  onChange,
  error,
  offerEu = false,
}: {
  label: string;
  codes: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  offerEu?: boolean;
}) {
  const { t, country } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const options = useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: country(code) })).sort((a, b) => a.name.localeCompare(b.name)), [country]);

  const add = () => {
    const code = codeFor(text, options);
    if (!code) return;
    if (!codes.includes(code)) onChange([...codes, code]);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`territory-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {codes.length > 0 && (
        <ul className="chips" aria-label={label}>
          {codes.map((code) => (
            <li key={code} className="chip">
              <span>{country(code)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('territory.remove', { name: country(code) })}
                onClick={() => onChange(codes.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker-row">
        <input
          id={id}
          list={`${id}-list`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          placeholder={t('territory.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          autoComplete="off"
        />
        <datalist id={`${id}-list`}>
          {options.map((o) => (
            <option key={o.code} value={`${o.name} (${o.code})`} />
          ))}
        </datalist>
        <button type="button" onClick={add}>
          {t('territory.add')}
        </button>
        {offerEu && (
          <button type="button" onClick={() => onChange([...new Set([...codes, ...EU_CODES])])}>
            {t('territory.addEu')}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** "Poland (PL)", "Poland", "pl" → PL; anything else → the text upper-cased, for the API to judge. */
function codeFor(text: string, options: Array<{ code: string; name: string }>): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const inParens = /\(([A-Za-z]{2})\)\s*$/.exec(trimmed)?.[1];
  if (inParens) return inParens.toUpperCase();
  const byName = options.find((o) => o.name.toLowerCase() === trimmed.toLowerCase());
  return byName ? byName.code : trimmed.toUpperCase();
}

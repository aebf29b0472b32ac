import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field } from './field';

/** What the person must type before a grave action (a creator's handle before erasing them). */
export interface TypedConfirmation {
  /** The field's label, saying what to type ("Type @ola.sews to confirm"). */
  label: string;
  /** What counts as typed right, e.g. handles compared without "@" and case. */
  matches(typed: string): boolean;
  /** Said at the field when what was typed does not match. */
  mismatch: string;
}

export interface ConfirmButtonProps {
  /** The button that asks (Delete, Cancel request, Erase creator…). */
  label: string;
  /** What the action does, in a line under the button (read with it). */
  explained?: ReactNode;
  /** The question, in bold ("Delete this asset?"), then what will happen. */
  question: string;
  warning?: ReactNode;
  yes: string;
  /** The yes button's text while the action runs ("Deleting…"). */
  yesBusy: string;
  /** The safe answer; it has focus when the question opens. */
  no: string;
  typed?: TypedConfirmation;
  /** Another action on the same thing is running: the asking button waits. */
  disabled?: boolean;
  /** The asking button is the danger style (red outline) rather than a plain one. */
  danger?: boolean;
  /** Checked before asking (the fields the action needs); false keeps the question closed. */
  canAsk?: () => boolean;
  /**
   * Does it. The question closes when it settles, either way: the caller says what came of it
   * (and catches its own refusals).
   */
  onConfirm: () => Promise<unknown>;
  className?: string;
}

/**
 * A destructive action behind a second, explicit "yes" that says what will happen. Focus
 * follows the question: onto the safe answer (or the field to type in) when asked, back onto
 * the button when the question closes. Escape answers no.
 */
export function ConfirmButton({
  label,
  explained,
  question,
  warning,
  yes,
  yesBusy,
  no,
  typed,
  disabled = false,
  danger = true,
  canAsk,
  onConfirm,
  className,
}: ConfirmButtonProps) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const ask = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (asking) (field.current ?? keep.current)?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = asking;
  }, [asking]);

  const open = () => {
    if (canAsk && !canAsk()) return;
    setText('');
    setMismatch(false);
    setAsking(true);
  };

  const confirm = async () => {
    if (typed && !typed.matches(text)) {
      setMismatch(true);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      setAsking(false);
    }
  };

  return (
    <div className={`confirm${className ? ` ${className}` : ''}`}>
      {asking ? (
        <div role="group" aria-labelledby={`${id}-question`} className="confirm-question" onKeyDown={escape}>
          <p id={`${id}-question`}>
            <strong>{question}</strong> {warning}
          </p>
          {typed && (
            <Field label={typed.label} error={mismatch ? typed.mismatch : undefined}>
              <input
                ref={field}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setMismatch(false);
                }}
                onKeyDown={(e) => e.key === 'Enter' && void confirm()}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
              />
            </Field>
          )}
          <div className="button-row">
            <button type="button" className="danger" onClick={confirm} disabled={busy}>
              {busy ? yesBusy : yes}
            </button>
            <button type="button" ref={keep} onClick={() => setAsking(false)} disabled={busy}>
              {no}
            </button>
          </div>
        </div>
      ) : (
        <>
          <button
            type="button"
            ref={ask}
            className={danger ? 'danger-outline' : undefined}
            onClick={open}
            disabled={disabled}
            aria-describedby={explained ? `${id}-explained` : undefined}
          >
            {label}
          </button>
          {explained && (
            <p id={`${id}-explained`} className="hint">
              {explained}
            </p>
          )}
        </>
      )}
    </div>
  );
}

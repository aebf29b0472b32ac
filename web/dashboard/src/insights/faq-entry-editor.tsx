import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { FaqEntry, FaqStatus } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { faqEditErrors, type FaqEditErrors } from './faq-edit-errors';

/**
 * One FAQ entry's question and answer to edit, and its review, as the API allows it:
 * draft → approved → published, or back to draft; or dismissed from the queue (not worth an
 * answer) and restored. Each step sends the edited text with it (publishing needs an answer).
 */
export function FaqEntryEditor({ entry, onChanged }: { entry: FaqEntry; onChanged: (entry: FaqEntry) => void }) {
  const api = useApi();
  const { t, label } = useI18n();
  const [question, setQuestion] = useState(entry.question);
  const [answer, setAnswer] = useState(entry.answer ?? '');
  const [errors, setErrors] = useState<FaqEditErrors>({});
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const save = async (status?: FaqStatus, dismissed?: boolean) => {
    setBusy(true);
    setErrors({});
    try {
      const body = {
        question: question.trim(),
        answer: answer.trim() || null,
        ...(status ? { status } : {}),
        ...(dismissed === undefined ? {} : { dismissed }),
      };
      const updated = await api.send<FaqEntry>('PATCH', `/api/v1/faq/${entry.id}`, body);
      onChanged({ ...entry, ...updated });
      setNote(dismissed !== undefined ? (dismissed ? t('faq.dismissed') : t('faq.restored')) : status ? label('faqStatus', status) : t('faq.saved'));
    } catch (err) {
      setErrors(faqEditErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="faq-entry">
      <Field label={t('faq.question')} error={errors.question}>
        <input className="wide" value={question} onChange={(e) => setQuestion(e.target.value)} />
      </Field>
      <Field label={t('faq.answer')} error={errors.answer}>
        <textarea rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </Field>
      <div className="button-row">
        <button type="button" onClick={() => save()} disabled={busy}>
          {t('faq.save')}
        </button>
        {entry.status === 'draft' && (
          <button type="button" onClick={() => save('approved')} disabled={busy}>
            {t('faq.approve')}
          </button>
        )}
        {entry.status === 'approved' && (
          <button type="button" className="primary" onClick={() => save('published')} disabled={busy}>
            {t('faq.publish')}
          </button>
        )}
        {entry.status !== 'draft' && (
          <button type="button" onClick={() => save('draft')} disabled={busy}>
            {entry.status === 'published' ? t('faq.unpublish') : t('faq.backToDraft')}
          </button>
        )}
        {entry.status !== 'published' && (
          <button type="button" onClick={() => save(undefined, !entry.dismissed)} disabled={busy}>
            {entry.dismissed ? t('faq.restore') : t('faq.dismiss')}
          </button>
        )}
        <span role="status" className="hint">
          {note}
        </span>
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
    </div>
  );
}

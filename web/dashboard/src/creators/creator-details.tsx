import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import type { Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { creatorError, isForbidden } from './creator-error';
import { changedCreator, creatorFormProblems, creatorRefusal, creatorToForm, percentText, type CreatorField, type CreatorForm } from './creator-form';

/**
 * The creator's details as they stand, and (for those who may) a form to change the handle,
 * followers, engagement and contact e-mail. Numbers are checked before sending; the API's
 * refusals (a handle another creator has, a field it judges wrong) appear as sentences at their
 * fields, and focus moves to the first of them. Only the fields that changed are sent.
 */
export function CreatorDetails({
  creator,
  editable,
  onSaved,
  onForbidden,
}: {
  creator: Creator;
  editable: boolean;
  onSaved: (creator: Creator) => void;
  onForbidden: () => void;
}) {
  const api = useApi();
  const { t, label, number } = useI18n();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<CreatorForm>(() => creatorToForm(creator));
  const [errors, setErrors] = useState<Partial<Record<CreatorField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Focus follows the form: onto its first field when it opens, back onto Edit when it closes.
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input')?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = (key: keyof CreatorForm, value: string) => {
    setSaved(null);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const open = () => {
    setForm(creatorToForm(creator));
    setErrors({});
    setSaved(null);
    setEditing(true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const problems = creatorFormProblems(form);
    if (Object.keys(problems).length) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key, { handle: form.handle.trim() })])));
      return;
    }
    const change = changedCreator(creator, form);
    if (Object.keys(change).length === 0) {
      setErrors({});
      setSaved('unchanged');
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const updated = await api.send<Creator>('PATCH', `/api/v1/creators/${creator.id}`, change);
      setEditing(false);
      setSaved('saved');
      onSaved(updated);
    } catch (err) {
      if (isForbidden(err)) {
        setEditing(false);
        onForbidden();
        return;
      }
      const refusal = creatorRefusal(err);
      const vars = { handle: form.handle.trim().replace(/^@+/, ''), platform: creator.platform };
      setErrors(refusal ? Object.fromEntries(Object.entries(refusal).map(([field, key]) => [field, t(key, vars)])) : { form: creatorError(t, err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {editing ? (
        <form ref={formRef} className="details-form" onSubmit={save} noValidate aria-label={t('creatorEdit.formLabel')}>
          <Field label={t('creatorEdit.handle')} hint={t('creatorEdit.handleHint')} error={errors.handle}>
            <input value={form.handle} onChange={(e) => set('handle', e.target.value)} spellCheck={false} autoCapitalize="off" autoComplete="off" />
          </Field>
          <Field label={t('creatorEdit.followers')} error={errors.followers}>
            <input type="number" min={0} step={1} inputMode="numeric" value={form.followers} onChange={(e) => set('followers', e.target.value)} />
          </Field>
          <Field label={t('creatorEdit.engagementPercent')} hint={t('creatorEdit.engagementHint')} error={errors.engagement}>
            <input inputMode="decimal" value={form.engagement} onChange={(e) => set('engagement', e.target.value)} />
          </Field>
          <Field label={t('creatorEdit.email')} hint={t('creatorEdit.emailHint')} error={errors.contactEmail}>
            <input type="email" value={form.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} autoComplete="off" />
          </Field>
          {errors.form && (
            <p className="field-error" role="alert">
              {errors.form}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('common.saving') : t('creatorEdit.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setSaved(null);
                setEditing(false);
              }}
              disabled={saving}
            >
              {t('creatorEdit.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="creator-facts">
          <dl className="terms">
            <dt>{t('creatorEdit.handle')}</dt>
            <dd>@{creator.handle}</dd>
            <dt>{t('creatorEdit.platform')}</dt>
            <dd>{creator.platform}</dd>
            <dt>{t('creatorEdit.followers')}</dt>
            <dd>
              {number(creator.followers)} ({label('tier', creator.tier)})
            </dd>
            <dt>{t('creatorEdit.engagement')}</dt>
            <dd>{creator.engagementRate === null ? '—' : `${number(Number(percentText(creator.engagementRate)))} %`}</dd>
            <dt>{t('creatorEdit.email')}</dt>
            <dd>{creator.contactEmail ? <a href={`mailto:${creator.contactEmail}`}>{creator.contactEmail}</a> : '—'}</dd>
          </dl>
          {editable && (
            <button type="button" ref={editButton} onClick={open}>
              {t('creatorEdit.edit')}
            </button>
          )}
        </div>
      )}
      {/* One live region that stays put whether the form is open or not, so the outcome is read out. */}
      <p role="status" className="saved-status">
        {saved === 'saved' ? t('creatorEdit.saved') : saved === 'unchanged' ? t('creatorEdit.unchanged') : ''}
      </p>
    </>
  );
}

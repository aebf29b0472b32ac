import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { Asset } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';
import { DisclosureSection } from './disclosure-section';
import { changedDetails, detailsIssuesByField, detailsToForm, invalidSkus, type DetailsField, type DetailsForm } from './asset-details';
import { lifeCycleError } from './life-cycle-error';

/**
 * Edit details: the title, the products (the whole list, comma-separated) and the content
 * manager's notes; never the bytes. SKUs are checked here by the API's own rule before sending;
 * whatever the API still refuses appears at its field, and focus moves to the first of them.
 * Only the fields that changed are sent. A closed section: the current details are in the facts
 * at the top of the page.
 */
export function AssetDetailsForm({ asset, onSaved }: { asset: Asset; onSaved: (asset: Asset) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [form, setForm] = useState<DetailsForm>(() => detailsToForm(asset));
  const [errors, setErrors] = useState<Partial<Record<DetailsField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = (key: keyof DetailsForm, value: string) => {
    setSaved(null);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const bad = invalidSkus(form.products);
    if (bad.length) {
      setErrors({ products: t('details.badSkus', { skus: bad.join(', ') }) });
      return;
    }
    const change = changedDetails(asset, form);
    if (Object.keys(change).length === 0) {
      setErrors({});
      setSaved('unchanged');
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const updated = await api.send<Asset>('PATCH', `/api/v1/assets/${asset.id}`, change);
      setForm(detailsToForm(updated));
      setSaved('saved');
      onSaved(updated);
    } catch (err) {
      const byField = err instanceof ApiError && err.status === 422 ? detailsIssuesByField(t, err.issues) : {};
      setErrors(Object.keys(byField).length ? byField : { form: lifeCycleError(t, err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <DisclosureSection id="details" title={t('details.title')}>
      <form ref={formRef} className="details-form" onSubmit={save} noValidate>
        <Field label={t('details.titleField')} hint={t('details.titleHint')} error={errors.title}>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label={t('details.products')} hint={t('details.productsHint')} error={errors.products}>
          <input value={form.products} onChange={(e) => set('products', e.target.value)} spellCheck={false} autoCapitalize="off" />
        </Field>
        <Field label={t('details.notes')} hint={t('details.notesHint')} error={errors.notes}>
          <textarea rows={4} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
        </Field>
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('common.saving') : t('details.save')}
          </button>
          <span role="status" className="saved-status">
            {saved === 'saved' ? t('details.saved') : saved === 'unchanged' ? t('details.unchanged') : ''}
          </span>
        </div>
      </form>
    </DisclosureSection>
  );
}

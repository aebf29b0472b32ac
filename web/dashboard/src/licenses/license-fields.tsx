import type { Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { AssetLinks } from '../asset/asset-links';
import { Field, FieldGroup } from '../ui/field';
import type { FormField, LicenseForm } from './license-form';
import { ChannelFields, ExclusivityFields, FeeFields, PeriodFields, TerritoryFields, UseFields } from './term-fields';
import type { SetExclusivity, SetTerm } from './terms-form';

interface Props {
  form: LicenseForm;
  set: <K extends keyof LicenseForm>(key: K, value: LicenseForm[K]) => void;
  errors: Partial<Record<FormField, string>>;
  creators: Creator[];
}

/** Every term of a license as form controls, each showing the API's message about it. */
export function LicenseFields({ form, set, errors, creators }: Props) {
  const { t, label } = useI18n();
  const setTerm: SetTerm = (key, value) => set(key, value as LicenseForm[typeof key]);
  const setExclusivity: SetExclusivity = (key, value) => set(key, value as LicenseForm[typeof key]);

  return (
    <>
      <FieldGroup legend={t('license.covers')} error={errors.covers}>
        <label className="check">
          <input type="radio" name="covers" checked={form.covers === 'assets'} onChange={() => set('covers', 'assets')} />{' '}
          {t('license.coversAssets', { n: form.assetIds.length })}
        </label>
        {form.covers === 'assets' && form.assetIds.length > 0 && (
          <p className="indent">
            <AssetLinks ids={form.assetIds} />
          </p>
        )}
        <label className="check">
          <input type="radio" name="covers" checked={form.covers === 'creator'} onChange={() => set('covers', 'creator')} /> {t('license.coversCreator')}
        </label>
        {form.covers === 'creator' && (
          <Field label={t('license.creator')}>
            <select value={form.creatorId} onChange={(e) => set('creatorId', e.target.value)}>
              <option value="">{t('license.chooseCreator')}</option>
              {creators.map((c) => (
                <option key={c.id} value={c.id}>
                  @{c.handle} ({c.platform})
                </option>
              ))}
            </select>
          </Field>
        )}
      </FieldGroup>

      <TerritoryFields form={form} set={setTerm} errors={errors} />
      <ChannelFields form={form} set={setTerm} errors={errors} />
      <PeriodFields form={form} set={setTerm} errors={errors} />
      <UseFields form={form} set={setTerm} />

      <ExclusivityFields form={form} set={setExclusivity} error={errors.exclusivity} />

      <FeeFields form={form} set={setTerm} errors={errors} />

      <Field label={t('license.notes')} error={errors.notes}>
        <textarea rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      </Field>
      <Field label={t('license.status')} hint={t('license.statusHint')} error={errors.status}>
        <select value={form.status} onChange={(e) => set('status', e.target.value as LicenseForm['status'])}>
          <option value="active">{label('licenseStatus', 'active')}</option>
          <option value="draft">{label('licenseStatus', 'draft')}</option>
        </select>
      </Field>
    </>
  );
}

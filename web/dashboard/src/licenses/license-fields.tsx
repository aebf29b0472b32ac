import { CHANNELS, PAID_CHANNELS, type Creator } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { AssetLinks } from '../asset/asset-links';
import { Field, FieldGroup } from '../ui/field';
import type { FormField, LicenseForm } from './license-form';
import { TerritoryPicker } from './territory-picker';

interface Props {
  form: LicenseForm;
  set: <K extends keyof LicenseForm>(key: K, value: LicenseForm[K]) => void;
  errors: Partial<Record<FormField, string>>;
  creators: Creator[];
}

/** Every term of a license as form controls, each showing the API's message about it. */
export function LicenseFields({ form, set, errors, creators }: Props) {
  const { t, label } = useI18n();
  const toggleChannel = (channel: string) =>
    set('channels', form.channels.includes(channel) ? form.channels.filter((c) => c !== channel) : [...form.channels, channel]);

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

      <FieldGroup legend={t('license.territories')} error={errors.territories}>
        <label className="check">
          <input type="radio" name="territory-mode" checked={form.worldwide} onChange={() => set('worldwide', true)} /> {t('license.worldwide')}
        </label>
        <label className="check">
          <input type="radio" name="territory-mode" checked={!form.worldwide} onChange={() => set('worldwide', false)} /> {t('license.countries')}
        </label>
        {form.worldwide ? (
          <TerritoryPicker
            label={t('license.excluded')}
            codes={form.excluded}
            onChange={(codes) => set('excluded', codes)}
            error={errors.excludedTerritories}
          />
        ) : (
          <TerritoryPicker label={t('license.countryList')} codes={form.countries} onChange={(codes) => set('countries', codes)} offerEu />
        )}
      </FieldGroup>

      <FieldGroup legend={t('license.channels')} error={errors.channels} className="channel-group">
        {[PAID_CHANNELS, CHANNELS.filter((c) => !PAID_CHANNELS.includes(c))].map((group, i) => (
          <div key={i} className="checks-column">
            <p className="group-title">{i === 0 ? t('license.paid') : t('license.unpaid')}</p>
            {group.map((channel) => (
              <label key={channel} className="check">
                <input type="checkbox" checked={form.channels.includes(channel)} onChange={() => toggleChannel(channel)} /> {label('channel', channel)}
              </label>
            ))}
          </div>
        ))}
      </FieldGroup>

      <FieldGroup legend={t('license.period')}>
        <div className="row">
          <Field label={t('license.startDay')} error={errors.startsAt}>
            <input type="date" value={form.startDay} onChange={(e) => set('startDay', e.target.value)} />
          </Field>
          {!form.perpetual && (
            <Field label={t('license.lastDay')} hint={t('license.lastDayHint')} error={errors.endsAt}>
              <input type="date" value={form.lastDay} onChange={(e) => set('lastDay', e.target.value)} />
            </Field>
          )}
        </div>
        <label className="check">
          <input type="checkbox" checked={form.perpetual} onChange={(e) => set('perpetual', e.target.checked)} /> {t('license.perpetual')}
        </label>
        {form.perpetual && errors.endsAt && <p className="field-error">{errors.endsAt}</p>}
      </FieldGroup>

      <FieldGroup legend={t('license.use')}>
        <label className="check">
          <input type="checkbox" checked={form.derivativesAllowed} onChange={(e) => set('derivativesAllowed', e.target.checked)} /> {t('license.derivatives')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.disclosureRequired} onChange={(e) => set('disclosureRequired', e.target.checked)} />{' '}
          {t('license.disclosureRequired')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.attributionRequired} onChange={(e) => set('attributionRequired', e.target.checked)} />{' '}
          {t('license.attributionRequired')}
        </label>
      </FieldGroup>

      <FieldGroup legend={t('license.exclusivity')} error={errors.exclusivity}>
        <div className="row">
          <Field label={t('license.exclusivityScope')}>
            <select value={form.exclusivityScope} onChange={(e) => set('exclusivityScope', e.target.value as LicenseForm['exclusivityScope'])}>
              {(['none', 'category', 'all'] as const).map((s) => (
                <option key={s} value={s}>
                  {label('exclusivity', s)}
                </option>
              ))}
            </select>
          </Field>
          {form.exclusivityScope === 'category' && (
            <Field label={t('license.exclusivityCategory')}>
              <input value={form.exclusivityCategory} onChange={(e) => set('exclusivityCategory', e.target.value)} />
            </Field>
          )}
          {form.exclusivityScope !== 'none' && (
            <Field label={t('license.exclusivityUntil')}>
              <input type="date" value={form.exclusivityUntil} onChange={(e) => set('exclusivityUntil', e.target.value)} />
            </Field>
          )}
        </div>
      </FieldGroup>

      <FieldGroup legend={t('license.fee')} error={errors.fee}>
        <div className="row">
          <Field label={t('license.feeAmount')}>
            <input inputMode="decimal" value={form.feeAmount} onChange={(e) => set('feeAmount', e.target.value)} placeholder="1500.00" />
          </Field>
          <Field label={t('license.feeCurrency')}>
            <input value={form.feeCurrency} maxLength={3} size={4} onChange={(e) => set('feeCurrency', e.target.value.toUpperCase())} />
          </Field>
        </div>
      </FieldGroup>

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

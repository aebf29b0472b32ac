import { CHANNELS, PAID_CHANNELS } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field, FieldGroup } from '../ui/field';
import type { ExclusivityForm, SetExclusivity, SetTerm, TermsField, TermsForm } from './terms-form';
import { TerritoryPicker } from './territory-picker';

/**
 * The terms of a license as groups of form controls, each showing the API's message about it:
 * the license editor and the "Ask for rights" form are made of the same groups.
 */
interface Props {
  form: TermsForm;
  set: SetTerm;
  errors: Partial<Record<TermsField, string>>;
}

export function TerritoryFields({ form, set, errors }: Props) {
  const { t } = useI18n();
  return (
    <FieldGroup legend={t('license.territories')} error={errors.territories}>
      <label className="check">
        <input type="radio" name="territory-mode" checked={form.worldwide} onChange={() => set('worldwide', true)} /> {t('license.worldwide')}
      </label>
      <label className="check">
        <input type="radio" name="territory-mode" checked={!form.worldwide} onChange={() => set('worldwide', false)} /> {t('license.countries')}
      </label>
      {form.worldwide ? (
        <TerritoryPicker label={t('license.excluded')} codes={form.excluded} onChange={(codes) => set('excluded', codes)} error={errors.excludedTerritories} />
      ) : (
        <TerritoryPicker label={t('license.countryList')} codes={form.countries} onChange={(codes) => set('countries', codes)} offerEu />
      )}
    </FieldGroup>
  );
}

export function ChannelFields({ form, set, errors }: Props) {
  const { t, label } = useI18n();
  const toggle = (channel: string) =>
    set('channels', form.channels.includes(channel) ? form.channels.filter((c) => c !== channel) : [...form.channels, channel]);
  return (
    <FieldGroup legend={t('license.channels')} error={errors.channels} className="channel-group">
      {[PAID_CHANNELS, CHANNELS.filter((c) => !PAID_CHANNELS.includes(c))].map((group, i) => (
        <div key={i} className="checks-column">
          <p className="group-title">{i === 0 ? t('license.paid') : t('license.unpaid')}</p>
          {group.map((channel) => (
            <label key={channel} className="check">
              <input type="checkbox" checked={form.channels.includes(channel)} onChange={() => toggle(channel)} /> {label('channel', channel)}
            </label>
          ))}
        </div>
      ))}
    </FieldGroup>
  );
}

export function PeriodFields({ form, set, errors }: Props) {
  const { t } = useI18n();
  return (
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
  );
}

export function UseFields({ form, set }: Omit<Props, 'errors'>) {
  const { t } = useI18n();
  const check = (key: 'derivativesAllowed' | 'disclosureRequired' | 'attributionRequired', text: string) => (
    <label className="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} /> {text}
    </label>
  );
  return (
    <FieldGroup legend={t('license.use')}>
      {check('derivativesAllowed', t('license.derivatives'))}
      {check('disclosureRequired', t('license.disclosureRequired'))}
      {check('attributionRequired', t('license.attributionRequired'))}
    </FieldGroup>
  );
}

export function FeeFields({ form, set, errors }: Props) {
  const { t } = useI18n();
  return (
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
  );
}

export function ExclusivityFields({ form, set, error }: { form: ExclusivityForm; set: SetExclusivity; error?: string | undefined }) {
  const { t, label } = useI18n();
  return (
    <FieldGroup legend={t('license.exclusivity')} error={error}>
      <div className="row">
        <Field label={t('license.exclusivityScope')}>
          <select value={form.exclusivityScope} onChange={(e) => set('exclusivityScope', e.target.value as ExclusivityForm['exclusivityScope'])}>
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
  );
}

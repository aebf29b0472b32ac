import { REQUEST_LANGUAGES, type Creator, type RequestLanguageCode } from '../api/api-types';
import { AssetLinks } from '../asset/asset-links';
import { useI18n } from '../i18n/i18n';
import { localDate } from '../licenses/license-timing';
import { Field, FieldGroup } from '../ui/field';
import { AssetChoice } from './asset-choice';
import { addDays, MAX_EXPIRY_DAYS, type RequestField, type RequestForm } from './request-form';

/**
 * The request's own fields around the proposed terms: whom it asks and for what (above the
 * terms), and how (below them: the note, the creator's language, how long the link works).
 */
interface Props {
  form: RequestForm;
  set: <K extends keyof RequestForm>(key: K, value: RequestForm[K]) => void;
  errors: Partial<Record<RequestField, string>>;
}

export function WhoFields({ form, set, errors, creators }: Props & { creators: Creator[] }) {
  const { t, number } = useI18n();
  const chooseCreator = (id: string) => {
    set('creatorId', id);
    set('assetIds', []); // ticked assets were the previous creator's
  };
  const renewal = Boolean(form.renewsLicenseId);
  return (
    <>
      <Field label={t('request.creator')} hint={renewal ? t('renewal.creatorHint') : undefined} error={errors.creatorId}>
        <select value={form.creatorId} onChange={(e) => chooseCreator(e.target.value)} required disabled={renewal}>
          <option value="">{t('license.chooseCreator')}</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              @{c.handle} ({c.platform})
            </option>
          ))}
        </select>
      </Field>
      {renewal ? (
        // A renewal asks for what the license covers: shown, not chosen.
        <FieldGroup legend={t('request.content')} error={errors.content}>
          <p className="renewal-covers">
            {form.content === 'assets' ? t('renewal.coversAssets', { n: number(form.assetIds.length) }) : t('renewal.coversAll')}
          </p>
          {form.content === 'assets' && (
            <p className="indent">
              <AssetLinks ids={form.assetIds} />
            </p>
          )}
        </FieldGroup>
      ) : (
        <AssetChoice
          creatorId={form.creatorId}
          content={form.content}
          assetIds={form.assetIds}
          onContent={(content) => set('content', content)}
          onAssetIds={(ids) => set('assetIds', ids)}
          error={errors.content}
        />
      )}
    </>
  );
}

export function HowFields({ form, set, errors }: Props) {
  const { t, label } = useI18n();
  const today = new Date();
  return (
    <>
      <Field label={t('request.message')} hint={t('request.messageHint')} error={errors.message}>
        <textarea rows={3} maxLength={2000} value={form.message} onChange={(e) => set('message', e.target.value)} />
      </Field>
      <Field label={t('request.language')} hint={t('request.languageHint')} error={errors.language}>
        <select value={form.language} onChange={(e) => set('language', e.target.value as RequestLanguageCode)}>
          {REQUEST_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {label('language', code)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('request.expiry')} hint={t('request.expiryHint', { max: MAX_EXPIRY_DAYS })} error={errors.expiresAt}>
        <input
          type="date"
          value={form.expiryDay}
          min={localDate(today)}
          max={localDate(addDays(today, MAX_EXPIRY_DAYS - 1))}
          onChange={(e) => set('expiryDay', e.target.value)}
        />
      </Field>
    </>
  );
}

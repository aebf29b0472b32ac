import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import type { License } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { AssetLinks } from '../asset/asset-links';
import { navigate } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';
import { useLoad } from '../ui/use-load';
import { ContractField } from './contract-field';
import { LicenseFields } from './license-fields';
import {
  changedTerms,
  contractRefusal,
  contractSentence,
  formToBody,
  licenseErrors,
  licenseToForm,
  newLicenseForm,
  type FormField,
  type LicenseForm,
} from './license-form';
import { RightsSummary } from './rights-summary';

/**
 * Creates a license (id null; `?assetId=` or `?creatorId=` say what it covers) or edits one.
 * The API judges the terms; its refusals appear as sentences at the fields they concern (never
 * its own wording), and focus moves to the first of them.
 */
export function LicenseEditorScreen({ id, query }: { id: string | null; query: URLSearchParams }) {
  const api = useApi();
  const { t, label } = useI18n();
  const creators = useCreators();
  const loaded = useLoad(async () => (id ? api.get<License>(`/api/v1/licenses/${id}`) : undefined), [api, id]);
  const license = loaded.data;
  const [original, setOriginal] = useState<LicenseForm | null>(id ? null : newLicenseForm(query));
  const [form, setForm] = useState<LicenseForm | null>(original);
  // A new license whose contract was refused arrives here with the refusal (`?contract=`).
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>(() => {
    const refused = query.get('contract');
    return refused ? { contract: contractSentence(t, refused) } : {};
  });
  const [contract, setContract] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(query.get('saved') === '1');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!license) return;
    const fromLicense = licenseToForm(license);
    setOriginal(fromLicense);
    setForm(fromLicense);
  }, [license]);

  // After a refusal, focus goes to the first control the API complained about.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .field-invalid select')?.focus();
  }, [errors]);

  const set = <K extends keyof LicenseForm>(key: K, value: LicenseForm[K]) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || !original) return;
    setSaving(true);
    setErrors({});
    try {
      const result = id
        ? await api.send<License>('PATCH', `/api/v1/licenses/${id}`, changedTerms(original, form))
        : await api.send<License>('POST', '/api/v1/licenses', formToBody(form));
      if (contract && !(await attachContract(result.id))) return;
      if (id) {
        setSaved(true);
        loaded.reload();
      } else {
        navigate(`/licenses/${result.id}?saved=1`, { replace: true });
      }
    } catch (err) {
      setErrors(licenseErrors(t, err));
    } finally {
      setSaving(false);
    }
  };

  const attachContract = async (licenseId: string): Promise<boolean> => {
    const body = new FormData();
    body.append('file', contract!);
    try {
      await api.upload(`/api/v1/licenses/${licenseId}/contract`, body);
      setContract(null);
      return true;
    } catch (err) {
      // The terms are saved; only the contract needs another try, on the saved license.
      const refusal = contractRefusal(err);
      if (id) setErrors({ contract: contractSentence(t, refusal) });
      else navigate(`/licenses/${licenseId}?saved=1&contract=${refusal}`, { replace: true });
      return false;
    }
  };

  const title = id ? t('license.editTitle') : t('license.newTitle');
  if (id && !license) {
    return <Screen title={title}>{loaded.error ? <ErrorAlert error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}</Screen>;
  }
  const revoked = license?.status === 'revoked';
  const messages = Object.values(errors);
  return (
    <Screen title={title} actions={license && <Badge tone={toneOf(license.state)}>{label('licenseState', license.state)}</Badge>}>
      {saved && (
        <p className="alert alert-ok" role="status">
          {t('license.saved')}
        </p>
      )}
      {license && <RightsSummary licenses={[license]} linkLicenses={false} />}
      {license && license.assetIds.length > 0 && (
        <p>
          {t('license.coveredAssets')} <AssetLinks ids={license.assetIds} />
        </p>
      )}
      {revoked ? (
        <p className="alert alert-error">{t('license.revokedNote', { reason: license.revokedReason ?? '—' })}</p>
      ) : (
        form && (
          <form ref={formRef} className="card license-form" onSubmit={save} noValidate aria-describedby={messages.length ? 'license-errors' : undefined}>
            {messages.length > 0 && (
              <div id="license-errors" className="alert alert-error" role="alert">
                <strong>{t('license.fix')}</strong>
                {errors.form && <p>{errors.form}</p>}
              </div>
            )}
            <LicenseFields form={form} set={set} errors={errors} creators={creators.data ?? []} />
            <ContractField license={license} file={contract} onFile={setContract} error={errors.contract} />
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('common.saving') : id ? t('license.saveChanges') : t('license.create')}
            </button>
          </form>
        )
      )}
      {license && !revoked && <RevokeLicense license={license} onRevoked={loaded.reload} />}
    </Screen>
  );
}

function RevokeLicense({ license, onRevoked }: { license: License; onRevoked: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const revoke = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.send('POST', `/api/v1/licenses/${license.id}/revoke`, reason.trim() ? { reason: reason.trim() } : {});
      onRevoked();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card danger-zone">
      <summary>{t('license.revoke')}</summary>
      <form onSubmit={revoke}>
        <p>{t('license.revokeWarning')}</p>
        <Field label={t('license.revokeReason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" className="danger">
          {t('license.revokeConfirm')}
        </button>
        <ErrorAlert error={error} />
      </form>
    </details>
  );
}

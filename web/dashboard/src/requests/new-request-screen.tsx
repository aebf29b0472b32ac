import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { ChannelFields, ExclusivityFields, FeeFields, PeriodFields, TerritoryFields, UseFields } from '../licenses/term-fields';
import type { SetExclusivity, SetTerm } from '../licenses/terms-form';
import { navigate } from '../routing/router';
import { ErrorAlert } from '../ui/error-alert';
import { Screen } from '../ui/screen';
import { actionError, RENEWAL_REFUSALS } from './action-error';
import { RenewalNote, useRenewal, type Renewal } from './renewal';
import { RequestCreated } from './request-created';
import { HowFields, WhoFields } from './request-fields';
import { missingChoices, newRequestForm, renewalForm, requestErrors, requestToBody, type RequestField, type RequestForm } from './request-form';

/**
 * Asks a creator for a license: who, what (some of their assets or all of their content), the
 * terms, and how (message, language, how long the link works). With `?renewsLicenseId=` it
 * asks to renew that license instead: its creator, what it covers and its terms, for the
 * period that follows on.
 */
export function NewRequestScreen({ query }: { query: URLSearchParams }) {
  const { lang } = useI18n();
  const renews = query.get('renewsLicenseId');
  if (renews) return <RenewalRequestScreen licenseId={renews} />;
  return <RequestFormScreen start={() => newRequestForm(query, lang)} />;
}

/** A renewal's form, once the license (and whom to ask) is known; a revoked license cannot be renewed. */
function RenewalRequestScreen({ licenseId }: { licenseId: string }) {
  const { t, lang } = useI18n();
  const renewal = useRenewal(licenseId);
  const loaded = renewal.data;
  if (!loaded || loaded.license.status === 'revoked') {
    return (
      <Screen title={t('renewal.title')}>
        <ErrorAlert error={renewal.error} />
        {renewal.loading && !renewal.error && <p>{t('common.loading')}</p>}
        {loaded && (
          <div className="alert alert-error" role="alert">
            {t('renewal.revoked')}
          </div>
        )}
      </Screen>
    );
  }
  return <RequestFormScreen start={() => renewalForm(loaded.license, loaded.creatorId, lang)} renewal={loaded} />;
}

/**
 * The API judges the terms; its refusals appear as sentences at the fields they concern. Once
 * asked, the link and the message to paste.
 */
function RequestFormScreen({ start, renewal }: { start: () => RequestForm; renewal?: Renewal }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const creators = useCreators();
  const [form, setForm] = useState<RequestForm>(start);
  const [errors, setErrors] = useState<Partial<Record<RequestField, string>>>({});
  const [sending, setSending] = useState(false);
  const [created, setCreated] = useState<RightsRequest | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refusal, focus goes to the first control with a message.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .field-invalid select')?.focus();
  }, [errors]);

  const set = <K extends keyof RequestForm>(key: K, value: RequestForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setTerm: SetTerm = (key, value) => set(key, value as RequestForm[typeof key]);
  const setExclusivity: SetExclusivity = (key, value) => set(key, value as RequestForm[typeof key]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingChoices(form);
    if (missing.creatorId || missing.content) {
      setErrors({
        ...(missing.creatorId && { creatorId: t('request.needCreator') }),
        ...(missing.content && { content: t('request.needAssets') }),
      });
      return;
    }
    setSending(true);
    setErrors({});
    try {
      setCreated(await api.send<RightsRequest>('POST', '/api/v1/rights-requests', requestToBody(form)));
    } catch (err) {
      const inWords = err instanceof ApiError && (err.status === 403 || (RENEWAL_REFUSALS as readonly string[]).includes(err.code));
      setErrors(err instanceof ApiError && !inWords ? requestErrors(t, err) : { form: actionError(t, err) });
    } finally {
      setSending(false);
    }
  };

  if (created) {
    return (
      <Screen title={t('request.createdTitle')}>
        <RequestCreated
          request={created}
          onAnother={() => {
            if (renewal) return navigate('/requests/new');
            setForm(newRequestForm(new URLSearchParams(), lang));
            setCreated(null);
          }}
        />
      </Screen>
    );
  }

  const shown = Object.keys(errors).length > 0;
  return (
    <Screen title={renewal ? t('renewal.title') : t('request.newTitle')}>
      <form ref={formRef} className="card license-form" onSubmit={submit} noValidate aria-describedby={shown ? 'request-errors' : undefined}>
        {shown && (
          <div id="request-errors" className="alert alert-error" role="alert">
            <strong>{t('request.fix')}</strong>
            {errors.form && <p>{errors.form}</p>}
          </div>
        )}
        {renewal && <RenewalNote license={renewal.license} />}
        <WhoFields form={form} set={set} errors={errors} creators={creators.data ?? []} />
        <TerritoryFields form={form} set={setTerm} errors={errors} />
        <ChannelFields form={form} set={setTerm} errors={errors} />
        <PeriodFields form={form} set={setTerm} errors={errors} />
        <UseFields form={form} set={setTerm} />
        {renewal && <ExclusivityFields form={form} set={setExclusivity} error={errors.exclusivity} />}
        <FeeFields form={form} set={setTerm} errors={errors} />
        <HowFields form={form} set={set} errors={errors} />
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('request.sending') : t('request.send')}
        </button>
      </form>
    </Screen>
  );
}

import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { actionError } from './action-error';

/**
 * Cancels a pending request after a second "yes" (its link dies at once). A refusal is said in
 * words at the button: no content manager role, or answered meanwhile (then the row is updated).
 */
export function CancelRequest({ request, onChange }: { request: RightsRequest; onChange: (request: RightsRequest) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the question: onto "Keep it" when asked, back onto the button when not.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.send<RightsRequest>('POST', `/api/v1/rights-requests/${request.id}/cancel`));
    } catch (err) {
      setError(actionError(t, err));
      setConfirming(false);
      if (err instanceof ApiError && err.code === 'rights_request_closed') {
        api.get<RightsRequest>(`/api/v1/rights-requests/${request.id}`).then(onChange, () => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cancel-request">
      {confirming ? (
        <div role="group" aria-labelledby={`cancel-${request.id}`} className="button-row">
          <span id={`cancel-${request.id}`}>{t('requests.cancelConfirm')}</span>
          <button type="button" className="danger" onClick={cancel} disabled={busy}>
            {t('requests.cancelYes')}
          </button>
          <button type="button" ref={keep} onClick={() => setConfirming(false)} disabled={busy}>
            {t('requests.cancelNo')}
          </button>
        </div>
      ) : (
        <button type="button" ref={ask} onClick={() => setConfirming(true)}>
          {t('requests.cancel')}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

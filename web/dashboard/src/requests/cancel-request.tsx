import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { RightsRequest } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ConfirmButton } from '../ui/confirm-button';
import { actionError } from './action-error';

/**
 * Cancels a pending request after a second "yes" (its link dies at once). A refusal is said in
 * words at the button: no content manager role, or answered meanwhile (then the row is updated).
 */
export function CancelRequest({ request, onChange }: { request: RightsRequest; onChange: (request: RightsRequest) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  const cancel = async () => {
    setError(null);
    try {
      onChange(await api.send<RightsRequest>('POST', `/api/v1/rights-requests/${request.id}/cancel`));
    } catch (err) {
      setError(actionError(t, err));
      if (err instanceof ApiError && err.code === 'rights_request_closed') {
        api.get<RightsRequest>(`/api/v1/rights-requests/${request.id}`).then(onChange, () => undefined);
      }
    }
  };

  return (
    <div className="cancel-request">
      <ConfirmButton
        label={t('requests.cancel')}
        question={t('requests.cancelConfirm')}
        yes={t('requests.cancelYes')}
        yesBusy={t('requests.cancelling')}
        no={t('requests.cancelNo')}
        danger={false}
        onConfirm={cancel}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { License } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';

/** The signed contract: the one on file (a short-lived download link) and a PDF to attach with the next save. */
export function ContractField({
  license,
  file,
  onFile,
  error,
}: {
  license: License | undefined;
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string | undefined;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [linkError, setLinkError] = useState<ApiError | null>(null);
  const download = async () => {
    try {
      const { url } = await api.get<{ url: string }>(`/api/v1/licenses/${license!.id}/contract`);
      window.open(url, '_blank', 'noopener');
    } catch (err) {
      setLinkError(err instanceof ApiError ? err : null);
    }
  };
  return (
    <div className="contract">
      {license?.contract && (
        <p>
          {t('license.contractOnFile', { name: license.contract.filename ?? 'contract.pdf' })}{' '}
          <button type="button" className="link-button" onClick={download}>
            {t('license.contractDownload')}
          </button>
          {linkError && <span className="field-error"> {linkError.message}</span>}
        </p>
      )}
      <Field label={license?.contract ? t('license.contractReplace') : t('license.contract')} hint={t('license.contractHint')} error={error}>
        <input type="file" accept="application/pdf" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </Field>
      {file && <p className="hint">{t('license.contractChosen', { name: file.name })}</p>}
    </div>
  );
}

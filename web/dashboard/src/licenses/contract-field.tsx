import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { License } from '../api/api-types';
import { codeSentence } from '../i18n/error-sentence';
import { useI18n, type I18n } from '../i18n/i18n';
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
  const [linkError, setLinkError] = useState<string | null>(null);
  const download = async () => {
    setLinkError(null);
    try {
      const { url } = await api.get<{ url: string }>(`/api/v1/licenses/${license!.id}/contract`);
      window.open(url, '_blank', 'noopener');
    } catch (err) {
      setLinkError(downloadError(t, err));
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
          {linkError && <span className="field-error"> {linkError}</span>}
        </p>
      )}
      <Field label={license?.contract ? t('license.contractReplace') : t('license.contract')} hint={t('license.contractHint')} error={error}>
        <input type="file" accept="application/pdf" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </Field>
      {file && <p className="hint">{t('license.contractChosen', { name: file.name })}</p>}
    </div>
  );
}

/** Why the contract's link could not be made, in words: gone since the page loaded, or the error's sentence. */
function downloadError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError && error.code === 'contract_not_found') return t('license.contractMissing');
  return codeSentence(t, error);
}

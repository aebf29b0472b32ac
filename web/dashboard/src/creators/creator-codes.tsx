import { useState } from 'react';
import type { CreatorCodeView } from '../../../../core/contract/creator-code-replies';
import { useApi } from '../api/api-context';
import { useI18n } from '../i18n/i18n';
import { LoadMore } from '../lists/load-more';
import { Badge } from '../ui/badge';
import { ErrorAlert } from '../ui/error-alert';
import { usePages } from '../ui/use-pages';
import { discountWords } from './code-discount';
import { codeError } from './code-error';
import { CreatorCodeForm } from './creator-code-form';

/**
 * The creator's discount and affiliate codes: each with its campaign, its discount in words and
 * whether it still works, a Deactivate button on those that do, and a form to add one. A code
 * just added shows at the top at once; deactivated ones stay listed, as the API keeps them.
 */
export function CreatorCodesSection({ creatorId }: { creatorId: string }) {
  const { t } = useI18n();
  const pages = usePages<CreatorCodeView>(`/api/v1/creators/${creatorId}/codes`, 20);
  const [added, setAdded] = useState<CreatorCodeView[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const shown = [...added.filter((a) => !pages.items.some((p) => p.id === a.id)), ...pages.items];

  const onAdded = (code: CreatorCodeView) => {
    setAdded((old) => [code, ...old]);
    setStatus({ text: t('codes.added', { code: code.code }), error: false });
  };
  const onChanged = (code: CreatorCodeView) => {
    pages.replace(code);
    setAdded((old) => old.map((a) => (a.id === code.id ? code : a)));
    setStatus({ text: t('codes.deactivated', { code: code.code }), error: false });
  };

  return (
    <section className="profile-section creator-codes" aria-labelledby="creator-codes">
      <h2 id="creator-codes">{t('codes.title')}</h2>
      <p className="hint">{t('codes.explained')}</p>
      <CreatorCodeForm creatorId={creatorId} onAdded={onAdded} />
      <p role="status" className="saved-status">
        {status && !status.error ? status.text : ''}
      </p>
      {status?.error && (
        <p className="field-error" role="alert">
          {status.text}
        </p>
      )}
      <ErrorAlert error={pages.error} />
      {pages.loading && shown.length === 0 && <p role="status">{t('common.loading')}</p>}
      {!pages.loading && shown.length === 0 && !pages.error && <p className="empty">{t('codes.empty')}</p>}
      <ul className="code-list" aria-labelledby="creator-codes">
        {shown.map((code) => (
          <CodeItem key={code.id} code={code} onChanged={onChanged} onRefused={(text) => setStatus({ text, error: true })} />
        ))}
      </ul>
      <LoadMore pages={pages} />
    </section>
  );
}

function CodeItem({ code, onChanged, onRefused }: { code: CreatorCodeView; onChanged: (code: CreatorCodeView) => void; onRefused: (text: string) => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);

  const deactivate = async () => {
    setBusy(true);
    try {
      onChanged(await api.send<CreatorCodeView>('POST', `/api/v1/creators/${code.creatorId}/codes/${code.id}/deactivate`, {}));
    } catch (err) {
      onRefused(codeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="code-item badges">
      <strong>
        <code>{code.code}</code>
      </strong>
      <span>
        {code.campaign ?? t('codes.noCampaign')} · {discountWords(i18n, code.discount)}
      </span>
      <Badge tone={code.active ? 'ok' : 'neutral'}>{code.active ? t('codes.active') : t('codes.inactive')}</Badge>
      {code.active && (
        <button type="button" disabled={busy} aria-label={t('codes.deactivateLabel', { code: code.code })} onClick={() => void deactivate()}>
          {busy ? t('codes.deactivating') : t('codes.deactivate')}
        </button>
      )}
    </li>
  );
}

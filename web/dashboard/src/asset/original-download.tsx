import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { AssetDetail } from '../api/api-types';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';

/**
 * The original in full quality, for those the API lets download it (content managers and
 * admins: `originalDownload`); others see nothing. The link is asked for on the click, not
 * with the page: each one handed out is written in the asset's history, so a visit is not a
 * download. Rendered as a term of the asset's facts (dt and dd).
 */
export function OriginalDownload({ asset }: { asset: AssetDetail }) {
  const api = useApi();
  const { t } = useI18n();
  const [state, setState] = useState<{ busy?: boolean; started?: boolean; error?: unknown }>({});
  if (!asset.originalDownload || asset.deletedAt) return null;
  const download = async () => {
    setState({ busy: true });
    try {
      const { url } = await api.get<{ url: string }>(`/api/v1/assets/${asset.id}/original`);
      follow(url);
      setState({ started: true });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <>
      <dt>{t('asset.original')}</dt>
      <dd className="original-download">
        {asset.originalFilename && <span className="original-name">{asset.originalFilename} </span>}
        <button type="button" className="link-button" onClick={download} disabled={state.busy}>
          {t('asset.originalDownload')}
        </button>
        <span role="status" className="hint">
          {state.started ? ` ${t('asset.originalStarted')}` : ''}
        </span>
        <ErrorAlert error={state.error} />
      </dd>
    </>
  );
}

/** Opens the link where the page is: the file server sends it as an attachment, so the browser saves it and the page stays. */
function follow(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

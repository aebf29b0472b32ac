import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { AssetDetail, UploadedAsset } from '../api/api-types';
import { errorSentence } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { ProgressBar } from '../ui/progress-bar';

const PROCESSING_POLL_MS = 1000;

export interface UploadRequest {
  id: number;
  file: File;
  creatorId: string;
  productSkus: string;
  title: string;
}

type Phase =
  | { name: 'uploading'; fraction: number }
  | { name: 'failed'; error: ApiError }
  | { name: 'processing' | 'ready' | 'failed_processing'; asset: AssetDetail | UploadedAsset; duplicate: boolean };

/**
 * One file on its way: the upload with its progress, then (the API dedupes by content) either
 * a notice that these bytes are already in the library or the processing state, followed until
 * the renditions are ready.
 */
export function UploadItem({ request }: { request: UploadRequest }) {
  const api = useApi();
  const i18n = useI18n();
  const { t, label, number } = i18n;
  const [phase, setPhase] = useState<Phase>({ name: 'uploading', fraction: 0 });

  useEffect(() => {
    let alive = true;
    const cancel = new AbortController();
    const form = new FormData();
    form.append('creatorId', request.creatorId);
    if (request.title.trim()) form.append('title', request.title.trim());
    if (request.productSkus.trim()) form.append('productSkus', request.productSkus.trim());
    form.append('file', request.file);
    const follow = async (asset: UploadedAsset, duplicate: boolean) => {
      let current: AssetDetail | UploadedAsset = asset;
      while (alive && (current.status === 'uploaded' || current.status === 'processing')) {
        setPhase({ name: 'processing', asset: current, duplicate });
        await new Promise((resolve) => setTimeout(resolve, PROCESSING_POLL_MS));
        current = await api.get<AssetDetail>(`/api/v1/assets/${asset.id}`);
      }
      if (!alive) return;
      const detail = 'renditions' in current ? current : await api.get<AssetDetail>(`/api/v1/assets/${asset.id}`);
      setPhase({ name: detail.status === 'failed' ? 'failed_processing' : 'ready', asset: detail, duplicate });
    };
    api
      .upload<UploadedAsset>('/api/v1/assets', form, (fraction) => alive && setPhase({ name: 'uploading', fraction }), cancel.signal)
      .then(({ status, body }) => follow(body, status === 200))
      .catch((err: unknown) => alive && setPhase({ name: 'failed', error: err instanceof ApiError ? err : new ApiError(0, 'error', String(err)) }));
    return () => {
      alive = false;
      cancel.abort();
    };
  }, [api, request]);

  const name = request.file.name;
  return (
    <li className="upload-item">
      <div className="upload-item-head">
        <span className="upload-name">{name}</span>
        <span className="upload-size">{number(Math.round(request.file.size / 1024))} KB</span>
      </div>
      {phase.name === 'uploading' && <ProgressBar label={t('upload.progress', { name })} fraction={phase.fraction} />}
      {phase.name === 'failed' && (
        <p className="field-error" role="alert">
          {t('upload.failed')}: {errorSentence(i18n, phase.error)}
        </p>
      )}
      {'asset' in phase && (
        <div className="upload-outcome" role="status">
          {phase.duplicate && <p className="notice">{t('upload.duplicate')}</p>}
          <Badge tone={toneOf(phase.asset.status)}>{label('status', phase.asset.status)}</Badge>{' '}
          {phase.name === 'processing' && <span>{t('upload.processing')}</span>}
          {phase.name === 'ready' && 'renditions' in phase.asset && (
            <span className="renditions-ready">{t('upload.renditionsReady', { n: phase.asset.renditions.length })}</span>
          )}
          {phase.name === 'failed_processing' && (
            // The worker's own words (ffprobe's English) stay on the element for support; people read a sentence.
            <span className="field-error" data-error={phase.asset.error ?? undefined}>
              {t('upload.processingFailed')}
            </span>
          )}{' '}
          <Link to={`/assets/${phase.asset.id}`}>{t('upload.open')}</Link>
          {phase.name === 'ready' && 'renditions' in phase.asset && <RenditionStrip asset={phase.asset} />}
        </div>
      )}
    </li>
  );
}

/** The first few pictures made from the upload, as proof they exist. */
function RenditionStrip({ asset }: { asset: AssetDetail }) {
  const { t } = useI18n();
  const pictures = asset.renditions.filter((r) => (r.kind === 'image' && r.format === 'webp') || r.kind === 'poster').slice(0, 4);
  return (
    <ul className="rendition-strip" aria-label={t('asset.renditions')}>
      {pictures.map((r) => (
        <li key={r.id}>
          <img src={r.url} alt={t('upload.renditionAlt', { width: r.width ?? 0, format: r.format })} width={80} />
        </li>
      ))}
    </ul>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import type { AssetDetail, Job } from '../api/api-types';
import { pollJob } from '../api/poll-job';
import { errorSentence, refusalLines } from '../i18n/error-sentence';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { Badge, toneOf } from '../ui/badge';
import { Field, FieldGroup } from '../ui/field';
import { ProgressBar } from '../ui/progress-bar';
import { CUT_ASPECTS as ASPECTS, MAX_CUTS_PER_REQUEST as MAX_CUTS, MAX_DISCLOSURE_CHARS, type CutFit } from '../../../../core/vocabulary/ad-cut-request';

const PRESET_DURATIONS = [6, 10, 15, 30];

type Disclosure = 'default' | 'none' | 'custom';

/**
 * Orders ad cuts of a video: every chosen aspect × length, from a start (or the most eventful
 * moment), cropped or over a blurred fill, with a disclosure label. Follows the job live, can
 * cancel it while it waits or runs, and reloads the asset when the cuts are there. A refusal
 * (rights, lengths) is shown with its reasons.
 */
export function CutBuilder({ asset, onCutsMade }: { asset: AssetDetail; onCutsMade: () => void }) {
  const api = useApi();
  const { t, label } = useI18n();
  const sourceS = asset.durationS ?? 0;
  const [aspects, setAspects] = useState<string[]>(['9:16']);
  const [durations, setDurations] = useState<number[]>(PRESET_DURATIONS.filter((d) => d <= sourceS).slice(0, 1));
  const [customDuration, setCustomDuration] = useState('');
  const [startMode, setStartMode] = useState<'auto' | 'at'>('auto');
  const [startS, setStartS] = useState('0');
  const [fit, setFit] = useState<CutFit>('crop');
  const [disclosure, setDisclosure] = useState<Disclosure>('default');
  const [disclosureText, setDisclosureText] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** Asked for: a cancelled job ends failed (or, not started yet, is gone), which is what was wanted. */
  const [cancelling, setCancelling] = useState(false);
  const stop = useRef<AbortController | null>(null);
  useEffect(() => () => stop.current?.abort(), []);

  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const lengths = [...durations, ...(customDuration.trim() ? [Number(customDuration)] : [])];
  const count = aspects.length * lengths.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setJob(null);
    setCancelling(false);
    const cuts = aspects.flatMap((aspect) =>
      lengths.map((durationS) => ({
        aspect,
        durationS,
        fit,
        ...(startMode === 'at' ? { startS: Number(startS) } : {}),
        ...(disclosure === 'none' ? { disclosure: null } : disclosure === 'custom' ? { disclosure: disclosureText } : {}),
      })),
    );
    try {
      const { jobId } = await api.send<{ jobId: string }>('POST', `/api/v1/assets/${asset.id}/cuts`, { cuts });
      stop.current?.abort();
      stop.current = new AbortController();
      const done = await pollJob(api, jobId, setJob, stop.current.signal);
      if (done?.state === 'completed') onCutsMade();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    try {
      const { state } = await api.send<{ state: 'cancelled' | 'cancelling' }>('DELETE', `/api/v1/jobs/${encodeURIComponent(job.id)}`);
      // Removed before it started: there is nothing left to follow.
      if (state === 'cancelled') {
        stop.current?.abort();
        setJob({ ...job, state: 'failed' });
      }
    } catch (err) {
      setCancelling(false);
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  };

  const busy = job !== null && (job.state === 'waiting' || job.state === 'active');
  const cancelled = cancelling && job?.state === 'failed';
  return (
    <section className="card" aria-labelledby="cut-builder-heading">
      <h2 id="cut-builder-heading">{t('cuts.title')}</h2>
      {asset.kind !== 'video' ? (
        <p className="empty">{t('cuts.onlyVideos')}</p>
      ) : (
        <form className="cut-builder" onSubmit={submit} noValidate>
          <FieldGroup legend={t('cuts.aspects')}>
            {ASPECTS.map((a) => (
              <label key={a} className="check">
                <input type="checkbox" checked={aspects.includes(a)} onChange={() => setAspects(toggle(aspects, a))} /> {a}
              </label>
            ))}
          </FieldGroup>
          <FieldGroup legend={t('cuts.durations', { max: Math.floor(sourceS * 10) / 10 })}>
            {PRESET_DURATIONS.map((d) => (
              <label key={d} className="check">
                <input type="checkbox" checked={durations.includes(d)} disabled={d > sourceS} onChange={() => setDurations(toggle(durations, d))} /> {d} s
              </label>
            ))}
            <Field label={t('cuts.otherLength')}>
              <input type="number" min={1} step={0.5} inputMode="decimal" value={customDuration} onChange={(e) => setCustomDuration(e.target.value)} />
            </Field>
          </FieldGroup>
          <FieldGroup legend={t('cuts.start')}>
            <label className="check">
              <input type="radio" name="start" checked={startMode === 'auto'} onChange={() => setStartMode('auto')} /> {t('cuts.startAuto')}
            </label>
            <label className="check">
              <input type="radio" name="start" checked={startMode === 'at'} onChange={() => setStartMode('at')} /> {t('cuts.startAt')}
            </label>
            {startMode === 'at' && (
              <Field label={t('cuts.startSeconds')}>
                <input type="number" min={0} step={0.5} value={startS} onChange={(e) => setStartS(e.target.value)} />
              </Field>
            )}
          </FieldGroup>
          <FieldGroup legend={t('cuts.fit')}>
            {(['crop', 'blur'] as const).map((f) => (
              <label key={f} className="check">
                <input type="radio" name="fit" checked={fit === f} onChange={() => setFit(f)} /> {label('fit', f)}
              </label>
            ))}
          </FieldGroup>
          <FieldGroup legend={t('cuts.disclosure')}>
            {(['default', 'none', 'custom'] as const).map((d) => (
              <label key={d} className="check">
                <input type="radio" name="disclosure" checked={disclosure === d} onChange={() => setDisclosure(d)} /> {label('disclosure', d)}
              </label>
            ))}
            {disclosure === 'custom' && (
              <Field label={t('cuts.disclosureText')}>
                <input value={disclosureText} maxLength={MAX_DISCLOSURE_CHARS} onChange={(e) => setDisclosureText(e.target.value)} />
              </Field>
            )}
          </FieldGroup>
          <button type="submit" className="primary" disabled={busy || count === 0 || count > MAX_CUTS}>
            {t('cuts.make', { n: count })}
          </button>
          {count > MAX_CUTS && <p className="field-error">{t('cuts.tooMany', { max: MAX_CUTS })}</p>}
        </form>
      )}
      {job && (
        <div className="job" role="status">
          <Badge tone={cancelled ? 'neutral' : toneOf(job.state)}>{cancelled ? t('cuts.cancelled') : label('job', job.state)}</Badge>
          <ProgressBar label={t('cuts.progress')} fraction={job.progress / 100} />
          {busy && (
            <button type="button" onClick={cancel} disabled={cancelling}>
              {cancelling ? t('cuts.cancelling') : t('cuts.cancel')}
            </button>
          )}
          {/* The worker's own wording stays on the element for support; people read a sentence. */}
          {job.error && !cancelled && (
            <p className="field-error" data-error={job.error}>
              {t('cuts.jobFailed')}
            </p>
          )}
        </div>
      )}
      {error && <CutRefusal error={error} />}
    </section>
  );
}

/**
 * A refused request in words: when the license is what stands in the way, each reason as a
 * sentence with its date and a link to the license it is about; otherwise the error's sentence.
 */
function CutRefusal({ error }: { error: ApiError }) {
  const i18n = useI18n();
  const lines = refusalLines(i18n, error);
  return (
    <div className="alert alert-error" role="alert" data-error-code={error.code}>
      <strong>{error.status === 403 ? i18n.t('cuts.refusedRights') : i18n.t('cuts.refused')}</strong>
      {lines.length === 0 ? (
        ` ${errorSentence(i18n, error)}`
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={`${line.licenseId ?? ''}${line.text}`}>
              {line.text}
              {line.licenseId && (
                <>
                  {' '}
                  <Link to={`/licenses/${line.licenseId}`}>{i18n.t('why.openLicense')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

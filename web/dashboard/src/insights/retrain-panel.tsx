import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import type { Job } from '../api/api-types';
import { pollJob } from '../api/poll-job';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { ProgressBar } from '../ui/progress-bar';

/** A retrain job's result, as GET /api/v1/jobs/:id documents it (core/contract/job-replies.ts). */
interface RetrainResult {
  modelVersion: string;
  previousModelVersion: string;
  corrections: number;
  figures: { before: Figures; after: Figures } | null;
  reclassified: { comments: number; changed: number } | null;
}

type Figures = Record<(typeof FIGURES)[number], number> & { comments: number };

const FIGURES = ['questionF1', 'topicMacroF1', 'sentimentMacroF1', 'spamF1', 'substantiveF1'] as const;

/**
 * Starts a retrain (new models from the corpora and every person's correction), follows it stage
 * by stage, and shows what it changed: the old and new models' figures on the same real comments
 * and how many stored comments got a different label.
 */
export function RetrainPanel({ onRetrained }: { onRetrained: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [reclassify, setReclassify] = useState(true);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const stop = useRef<AbortController | null>(null);
  useEffect(() => () => stop.current?.abort(), []);
  const running = job !== null && (job.state === 'waiting' || job.state === 'active');

  const start = async () => {
    setError(null);
    setCancelled(false);
    stop.current?.abort();
    stop.current = new AbortController();
    try {
      const { jobId } = await api.send<{ jobId: string }>('POST', '/api/v1/comments/retrain', { reclassify });
      const done = await pollJob(api, jobId, setJob, stop.current.signal);
      if (done?.state === 'completed') onRetrained();
    } catch (err) {
      setError(err);
    }
  };
  // The worker stops the training and keeps the models in use; the job then ends failed.
  const cancel = async () => {
    setError(null);
    try {
      const { state } = await api.send<{ state: 'cancelled' | 'cancelling' }>('DELETE', `/api/v1/jobs/${job!.id}`);
      setCancelled(true);
      // Removed before it started: there is nothing left to follow.
      if (state === 'cancelled') {
        stop.current?.abort();
        setJob(null);
      }
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="retrain-heading">
      <h2 id="retrain-heading">{t('retrain.title')}</h2>
      <p className="hint">{t('retrain.intro')}</p>
      <label className="check">
        <input type="checkbox" checked={reclassify} disabled={running} onChange={(e) => setReclassify(e.target.checked)} /> {t('retrain.reclassify')}
      </label>
      <button type="button" onClick={start} disabled={running}>
        {t('retrain.start')}
      </button>
      {running && !cancelled && (
        <button type="button" onClick={cancel}>
          {t('retrain.cancel')}
        </button>
      )}
      {running && <RetrainProgress job={job} />}
      {cancelled && job?.state !== 'completed' && <p role="status">{running ? t('retrain.cancelling') : t('retrain.cancelled')}</p>}
      {job?.state === 'failed' && !cancelled && (
        // The worker's own words stay on the element for support (they are its log's English, not the UI's).
        <p className="field-error" role="alert" data-error={job.error ?? undefined}>
          {t('retrain.failed')}
        </p>
      )}
      {job?.state === 'completed' && <RetrainOutcome result={job.result as RetrainResult} />}
      <ErrorAlert error={error} />
    </section>
  );
}

function RetrainProgress({ job }: { job: Job }) {
  const { t } = useI18n();
  const stage = job.stage ? t(`retrain.stage.${job.stage}` as MessageKey) : t('retrain.waiting');
  return (
    <div role="status">
      <p className="hint">{job.stageDetail ? `${stage}: ${job.stageDetail}` : stage}</p>
      <ProgressBar label={t('retrain.title')} fraction={job.progress / 100} />
    </div>
  );
}

function RetrainOutcome({ result }: { result: RetrainResult }) {
  const { t, number } = useI18n();
  const score = (x: number) => number(Math.round(x * 1000) / 1000);
  return (
    <div className="retrain-outcome" role="status">
      <p>{t('retrain.done', { version: result.modelVersion, corrections: result.corrections })}</p>
      {result.reclassified && <p>{t('retrain.changed', { changed: result.reclassified.changed, comments: result.reclassified.comments })}</p>}
      {result.figures && (
        <table>
          <caption>{t('retrain.figuresCaption', { n: result.figures.before.comments })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('retrain.figure')}</th>
              <th scope="col">{t('retrain.before')}</th>
              <th scope="col">{t('retrain.after')}</th>
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((f) => (
              <tr key={f}>
                <th scope="row">{t(`retrain.figure.${f}`)}</th>
                <td>{score(result.figures!.before[f])}</td>
                <td>{score(result.figures!.after[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

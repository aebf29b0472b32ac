import { Job, Queue, UnrecoverableError } from 'bullmq';
import { activeClassifier } from '../../core/comments/active-classifier';
import { classifyInSlices } from '../../core/comments/classify-in-slices';
import { commentTexts, storeClassifications } from '../../core/comments/comment-store';
import { retrainModels } from '../retrain/retrain-models';
import { grantByReplies } from '../../core/rights-requests/hashtag-replies';
import { updateFaqEntries, type FaqUpdate } from '../../core/faq/faq-assignment';
import type { JobPayloads } from '../../core/queue/queue-names';
import { unknownEntity } from '../unknown-entity';
import type { Services } from '../../core/runtime/services';
import { unknownJobType } from '../unknown-job-type';

type NlpJob = Job<JobPayloads['nlp']>;

/** What one `classify` batch did; the `classify-import` parent returns their sums. */
export interface ClassifyResult {
  classified: number;
  questions: number;
  spam: number;
  faq: FaqUpdate;
  /** Rights requests its comments granted (a creator replying with the request's hashtag). */
  rightsGranted: number;
  modelVersion: string;
}

/** The nlp queue: classification batches, the flows' parents that sum them, and retraining. */
export async function processNlpJob(job: NlpJob, services: Services, signal?: AbortSignal) {
  const { type } = job.data;
  switch (type) {
    case 'classify':
      return classifyBatch(job, services, job.data.commentIds);
    case 'classify-import':
      return sumBatches(job, job.data.comments);
    case 'retrain':
      return retrainModels(services, {
        // After a retrain the stored comments should say what the new models say, unless asked not to.
        reclassify: job.data.reclassify ?? true,
        ...(job.data.rowsPerCorpus === undefined ? {} : { rowsPerCorpus: job.data.rowsPerCorpus }),
        onProgress: (percent) => job.updateProgress(percent),
        ...(signal ? { signal } : {}),
      }).catch((err: unknown) => {
        // Cancelled by a person: not a failure to retry.
        throw signal?.aborted ? new UnrecoverableError(String(signal.reason ?? 'Cancelled')) : err;
      });
    default:
      return unknownJobType(job, type);
  }
}

/**
 * Classifies a batch with the active models (loaded once per process), writes every label in one
 * UPDATE, then files the questions into FAQ entries. Idempotent: running it again writes the same
 * labels and leaves the FAQ as it is. Comments deleted meanwhile are skipped.
 */
async function classifyBatch(job: NlpJob, services: Services, ids: readonly string[]): Promise<ClassifyResult> {
  const { db } = services.database;
  const classifier = await activeClassifier(services.config);
  const texts = await commentTexts(db, ids);
  // Some deleted meanwhile is normal; none known at all means the job is not this database's.
  if (texts.length === 0 && ids.length > 0) throw unknownEntity(services, job, 'comment', ids[0]!);
  const results = await classifyInSlices(classifier, texts);
  const classified = await storeClassifications(db, results);
  await job.updateProgress(50);
  const faq = await updateFaqEntries(db, ids);
  // A creator's #takMarka among these comments answers the rights request sent to them.
  const rightsGranted = (await grantByReplies(services, ids)).length;
  await job.updateProgress(100);
  await reportToParent(job, services);
  return {
    classified,
    questions: results.filter((r) => r.labels.isQuestion).length,
    spam: results.filter((r) => r.labels.spam).length,
    faq,
    rightsGranted,
    modelVersion: classifier.modelVersion,
  };
}

/** Sets the parent's progress to the share of its batches done, this one included. */
async function reportToParent(job: NlpJob, services: Services): Promise<void> {
  const parentId = job.parent?.id;
  if (!parentId) return;
  const queue = new Queue('nlp', { connection: services.redis, prefix: services.queues.prefix });
  try {
    const parent = await Job.fromId(queue, parentId);
    if (!parent) return;
    const { processed = 0, unprocessed = 0 } = await parent.getDependenciesCount({ processed: true, unprocessed: true });
    const total = processed + unprocessed;
    // This batch still counts as unprocessed until its processor returns.
    if (total > 0) await parent.updateProgress(Math.min(99, Math.round(((processed + 1) / total) * 100)));
  } finally {
    await queue.close();
  }
}

/** What an import's classification did: its batches' results summed. */
export interface ImportClassification {
  comments: number;
  batches: number;
  classified: number;
  questions: number;
  spam: number;
  faqJoined: number;
  faqEntriesCreated: number;
  rightsGranted: number;
  modelVersions: string[];
}

/** The parent of an import's batches: once all are done, their results summed. */
async function sumBatches(job: NlpJob, comments: number): Promise<ImportClassification> {
  const batches = Object.values(await job.getChildrenValues<ClassifyResult>());
  const sum = (pick: (r: ClassifyResult) => number) => batches.reduce((total, r) => total + pick(r), 0);
  return {
    comments,
    batches: batches.length,
    classified: sum((r) => r.classified),
    questions: sum((r) => r.questions),
    spam: sum((r) => r.spam),
    faqJoined: sum((r) => r.faq.joined),
    faqEntriesCreated: sum((r) => r.faq.created),
    rightsGranted: sum((r) => r.rightsGranted ?? 0),
    modelVersions: [...new Set(batches.map((r) => r.modelVersion))].sort(),
  };
}

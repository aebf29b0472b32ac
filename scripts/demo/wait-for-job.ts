import type { ApiClient } from './api-client';

const POLL_MS = 500;

interface JobView {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  error?: string;
}

/**
 * Polls GET /api/v1/jobs/:id until the job has completed, logging its progress as it moves;
 * throws with the job's error when it fails, or after `timeoutMs` asking whether a worker runs.
 */
export async function waitForJob(api: ApiClient, jobId: string, what: string, log: (line: string) => void, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reported = -1;
  for (;;) {
    const job = await api.get<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
    if (job.state === 'failed') throw new Error(`${what} failed: ${job.error ?? 'no reason given'}`);
    if (job.progress !== reported) log(`  ${what} ${job.progress} %`);
    reported = job.progress;
    if (job.state === 'completed') return;
    if (Date.now() > deadline) throw new Error(`${what} did not finish within ${timeoutMs / 1000} s (job ${jobId}). Is an nlp worker running?`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

import type { ApiClient } from './api-client';
import type { Job } from './api-types';

const POLL_MS = 500;

/**
 * Follows a background job until it completes or fails, reporting each state seen. Stops
 * quietly when `signal` aborts (the screen went away).
 */
export async function pollJob(api: ApiClient, jobId: string, onUpdate: (job: Job) => void, signal: AbortSignal): Promise<Job | null> {
  while (!signal.aborted) {
    const job = await api.get<Job>(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
    if (signal.aborted) return null;
    onUpdate(job);
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

import os from 'node:os';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../core/queue/queue-names';
import { unknownJobType } from '../unknown-job-type';

/** Who answered a ping, and when. */
export interface PingReply {
  worker: string;
  at: string;
}

/** Answers diagnostics pings: who answered and when, so a caller can see the worker is alive. */
export async function processSystemJob(job: Job<JobPayloads['system']>) {
  const { type } = job.data;
  switch (type) {
    case 'ping':
      return { worker: `${os.hostname()}:${process.pid}`, at: new Date().toISOString() };
    default:
      return unknownJobType(job, type);
  }
}

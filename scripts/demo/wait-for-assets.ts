import type { ApiClient } from './api-client';

const POLL_MS = 500;
const DONE = new Set(['ready', 'failed']);

export interface ProcessedAsset {
  id: string;
  status: string;
  error?: string;
}

/**
 * Polls the assets until every probe job has finished (each `ready` or `failed`), printing
 * progress as it moves; throws naming the ones still pending after `timeoutMs`.
 */
export async function waitForAssets(api: ApiClient, ids: readonly string[], log: (line: string) => void, timeoutMs: number): Promise<ProcessedAsset[]> {
  const deadline = Date.now() + timeoutMs;
  const done = new Map<string, ProcessedAsset>();
  let reported = -1;
  for (;;) {
    const pending = ids.filter((id) => !done.has(id));
    for (const asset of await Promise.all(pending.map((id) => api.get<ProcessedAsset>(`/api/v1/assets/${id}`)))) {
      if (DONE.has(asset.status)) done.set(asset.id, asset);
    }
    if (done.size !== reported) log(`  media processed ${done.size}/${ids.length}`);
    reported = done.size;
    if (done.size === ids.length) return ids.map((id) => done.get(id)!);
    if (Date.now() > deadline) {
      throw new Error(`Media processing did not finish within ${timeoutMs / 1000} s; still pending: ${pending.join(', ')}. Is a worker running?`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  baseUrl: string;
  /** Requests cycle through these paths, one after another on every connection. */
  paths: readonly string[];
  headers?: Record<string, string>;
}

export interface LoadSettings {
  connections: number;
  durationS: number;
  /** Run first and discarded: lets the JIT, pools and caches settle. */
  warmupS: number;
}

export interface LoadResult {
  name: string;
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Drives a target with autocannon on keep-alive connections and reports throughput and latency. */
export async function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmupS > 0) await drive(target, settings.connections, settings.warmupS);
  const result = await drive(target, settings.connections, settings.durationS);
  return {
    name: target.name,
    requestsPerS: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function drive(target: LoadTarget, connections: number, durationS: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: target.baseUrl,
    connections,
    duration: durationS,
    headers: target.headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length] }) }],
  });
}

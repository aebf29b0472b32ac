import { ApiError, errorFromResponse } from './api-error';

/** The API as the signed-in person calls it: every request carries their key. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A multipart POST (upload) with its progress, 0 to 1, as the bytes leave; `signal` cancels it. */
  upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<{ status: number; body: T }>;
}

/** `onUnauthenticated` is told when the key stops working (revoked while signed in). */
export function createApiClient(key: string, onUnauthenticated: () => void): ApiClient {
  const headers = { Authorization: `Bearer ${key}` };
  const request = async <T>(path: string, init: RequestInit): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(path, { ...init, headers: { ...headers, ...init.headers } });
    } catch {
      throw new ApiError(0, 'network_error', 'The API could not be reached');
    }
    if (res.status === 401) onUnauthenticated();
    if (!res.ok) throw await errorFromResponse(res);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return {
    get: (path) => request(path, { method: 'GET' }),
    send: (method, path, body) =>
      request(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    upload: (path, form, onProgress, signal) => uploadWithProgress(path, form, headers, onProgress, signal),
  };
}

/** fetch() cannot report upload progress yet; XMLHttpRequest can. */
function uploadWithProgress<T>(
  path: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled'));
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, body: body as T });
      const error = body?.error;
      reject(new ApiError(xhr.status, error?.code ?? `http_${xhr.status}`, error?.message ?? xhr.statusText, error?.details ?? {}));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload could not reach the API'));
    xhr.send(form);
  });
}

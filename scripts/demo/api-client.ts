/**
 * The little HTTP client the demo seeds through: the same requests a user's tooling would
 * send, so the demo exercises the API rather than writing around it. Non-2xx answers become
 * ApiError with the contract's error code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /** Every item of a paged list (`{ items, nextCursor }`), following cursors. */
  getAll<T>(path: string): Promise<T[]>;
  post<T>(path: string, body: unknown): Promise<ApiResponse<T>>;
  postForm<T>(path: string, form: FormData): Promise<ApiResponse<T>>;
}

export function apiClient(baseUrl: string, apiKey: string): ApiClient {
  const send = async <T>(path: string, init: RequestInit = {}): Promise<ApiResponse<T>> => {
    const res = await fetch(new URL(path, baseUrl), { ...init, headers: { authorization: `Bearer ${apiKey}`, ...init.headers } });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) throw apiError(res.status, init.method ?? 'GET', path, body);
    return { status: res.status, body: body as T };
  };
  const get = async <T>(path: string) => (await send<T>(path)).body;

  return {
    get,
    getAll: async <T>(path: string) => {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page: { items: T[]; nextCursor: string | null } = await get(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    post: (path, body) => send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    postForm: (path, form) => send(path, { method: 'POST', body: form }),
  };
}

function apiError(status: number, method: string, path: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new ApiError(status, error?.code ?? `http_${status}`, `${method} ${path} → ${status} ${error?.code ?? ''}: ${error?.message ?? ''}`.trim());
}

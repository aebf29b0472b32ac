/**
 * One problem the API found with a field of the request (`details.issues` of a 4xx). `message`
 * is the validator's English, never shown (i18n/issue-sentence.ts says it in words); the kind
 * and limits say what to write instead. An issue made of a bare code has no kind.
 */
export interface FieldIssue {
  field: string | null;
  message: string;
  /** too_small, too_big, invalid_type, invalid_format, invalid_value, invalid_union, custom… */
  kind?: string;
  /** What a too_small/too_big measured: string (characters), number, array (items). */
  origin?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * A refusal from the API: every 4xx/5xx body is `{ error: { code, message, details? } }`.
 * `status` 0 means the API could not be reached at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The issues the API listed, or one made of the code (`invalid_ends_at` names endsAt). */
  get issues(): FieldIssue[] {
    const listed = this.details.issues;
    if (Array.isArray(listed)) return listed.filter(isIssue);
    const field = /^invalid_(.+)$/.exec(this.code)?.[1];
    return field ? [{ field: camelCase(field), message: this.message }] : [];
  }

  /** Rights reason codes (`expired`, `derivatives_not_allowed`…) of a refusal, when it gave them. */
  get reasons(): string[] {
    const reasons = this.details.reasons;
    return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  }
}

/** An error body, or a made-up one when the response was not the API's JSON (a proxy's page, no network). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
  const error = body?.error;
  return new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? res.statusText, error?.details ?? {});
}

function isIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && typeof (value as FieldIssue).message === 'string';
}

const camelCase = (snake: string): string => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

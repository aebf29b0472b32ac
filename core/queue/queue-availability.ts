import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { DomainError, isDomainError } from '../errors/domain-error';

/**
 * Longest a caller waits on Redis before being told the queue is unavailable: a request
 * handler must answer (503 `queue_unavailable`) well within 5 s, never hang while ioredis
 * keeps reconnecting in the background.
 */
export const QUEUE_CALL_TIMEOUT_MS = 3_500;

/** How a caller learns the queue cannot be reached; the API answers it 503. */
export function queueUnavailable(message: string, cause?: unknown): DomainError {
  const error = new DomainError('unavailable', 'queue_unavailable', `The job queue is unavailable: ${message}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}

/** Whether `err` says the queue could not be reached (and so the work may be deferred to the reconciler). */
export const isQueueUnavailable = (err: unknown): err is DomainError => isDomainError(err) && err.code === 'queue_unavailable';

/** Errors ioredis gives when the server cannot be reached, as opposed to Redis refusing a command. */
const CONNECTION_TROUBLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries|Reached the max retries|connect ETIMEDOUT|Command timed out/i;

export const isConnectionTrouble = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'MaxRetriesPerRequestError' || CONNECTION_TROUBLE.test(err.message));

/**
 * Runs calls on the producer connection only while it is usable, and never for longer than a
 * deadline. A connection that has been up before and is not now (Redis restarting, failing
 * over, gone) fails at once; one still making its first connection is waited for, within the
 * same deadline. Connection errors and timeouts become `queue_unavailable`.
 */
export class QueueAvailability {
  private everReady: boolean;

  constructor(private readonly connection: Redis) {
    this.everReady = connection.status === 'ready';
    connection.on('ready', () => (this.everReady = true));
  }

  get isUp(): boolean {
    return this.connection.status === 'ready';
  }

  async run<T>(what: string, op: () => Promise<T>, timeoutMs = QUEUE_CALL_TIMEOUT_MS): Promise<T> {
    const started = Date.now();
    await this.untilReady(what, timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      const left = Math.max(0, timeoutMs - (Date.now() - started));
      timer = setTimeout(() => reject(queueUnavailable(`Redis did not answer ${what} within ${timeoutMs} ms`)), left);
    });
    try {
      return await Promise.race([op(), timedOut]);
    } catch (err) {
      if (isDomainError(err) || !isConnectionTrouble(err)) throw err;
      throw queueUnavailable(`${what} failed: ${(err as Error).message}`, err);
    } finally {
      clearTimeout(timer);
    }
  }

  private async untilReady(what: string, timeoutMs: number): Promise<void> {
    const status = this.connection.status;
    if (status === 'ready') return;
    if (this.everReady || status === 'end' || status === 'close' || status === 'reconnecting') {
      throw queueUnavailable(`Redis is not connected (${status}), so ${what} cannot be done now; try again shortly`);
    }
    try {
      await once(this.connection, 'ready', { signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw queueUnavailable(`Redis did not become reachable for ${what} within ${timeoutMs} ms`);
    }
  }
}

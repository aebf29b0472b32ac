import { isbot } from 'isbot';

/** Whether a request to a tracking link is a person's click, and if not, why not. */
export type ClickVerdict = 'click' | 'head' | 'bot' | 'prefetch';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Headers browsers and proxies send when they fetch a link ahead of a click (Chrome, Safari, Firefox, link previews). */
const PURPOSE_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'] as const;
const AHEAD_OF_A_CLICK = /\b(prefetch|prerender|preview)\b/i;

/**
 * Only a person's click counts. HEAD fetches no page, so no one is sent on (link checkers use
 * it); a fetch ahead of time may never be followed by a click; crawlers, link unfurlers and
 * HTTP libraries (known by their user agent, through `isbot`'s maintained list) are not people.
 * A request without a user agent is a program: every browser sends one.
 */
export function clickVerdict(method: string, headers: Headers): ClickVerdict {
  if (method === 'HEAD') return 'head';
  if (PURPOSE_HEADERS.some((name) => AHEAD_OF_A_CLICK.test(headerText(headers[name])))) return 'prefetch';
  const userAgent = headerText(headers['user-agent']);
  if (!userAgent || isbot(userAgent)) return 'bot';
  return 'click';
}

const headerText = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? ''));

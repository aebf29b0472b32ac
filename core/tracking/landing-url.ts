import { z } from 'zod';

/** Longest landing URL accepted: what every browser and ad platform still carries whole. */
export const MAX_LANDING_URL_LENGTH = 2000;

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
/** Controls and whitespace: a URL typed with them is a mistake or a trick (`java\tscript:`). */
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\s]/u;

/**
 * What is wrong with `raw` as a landing URL, in words; null when nothing. A landing URL is where
 * the public tracking link redirects people, so only absolute http(s) URLs pass: no
 * `javascript:` or `data:` (script in the brand's name), no credentials (`https://user:pw@…`,
 * a classic disguise of the real host), and none longer than MAX_LANDING_URL_LENGTH.
 */
export function landingUrlProblem(raw: string): string | null {
  if (raw.length > MAX_LANDING_URL_LENGTH) return `must be at most ${MAX_LANDING_URL_LENGTH} characters`;
  if (CONTROL_OR_SPACE.test(raw)) return 'must not contain spaces or control characters (percent-encode them)';
  const url = parsedUrl(raw);
  if (!url) return 'must be an absolute URL such as https://shop.example.com/product';
  if (!WEB_PROTOCOLS.has(url.protocol)) return `must be an http or https URL, not ${url.protocol}`;
  if (url.username || url.password) return 'must not carry a user name or password';
  if (!url.hostname) return 'must name a host';
  if (url.href.length > MAX_LANDING_URL_LENGTH) return `must be at most ${MAX_LANDING_URL_LENGTH} characters once normalised`;
  return null;
}

const parsedUrl = (raw: string): URL | null => (URL.canParse(raw) ? new URL(raw) : null);

/** The landing URL of a pull: checked, then normalised (`HTTPS://Shop.Example.com` → `https://shop.example.com/`). */
export const landingUrlSchema = z
  .string()
  .superRefine((raw, ctx) => {
    const problem = landingUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((raw) => new URL(raw).href);

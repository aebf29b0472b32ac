/**
 * TRACKING_UTM_TEMPLATE: which query parameters a tracking link adds to a landing URL, each a
 * template with placeholders filled from the pull. The setting is a JSON object of parameter →
 * template merged over the defaults (`null` drops a default), so changing one tag is one entry.
 */
export type UtmTemplate = Readonly<Record<string, string>>;

/** What a template may name; see core/tracking/utm-values.ts for where each comes from. */
export const UTM_PLACEHOLDERS = ['channel', 'platform', 'medium', 'campaign', 'cutId', 'creator', 'territory'] as const;
export type UtmPlaceholder = (typeof UTM_PLACEHOLDERS)[number];

export const DEFAULT_UTM_TEMPLATE: UtmTemplate = {
  utm_source: '{platform}',
  utm_medium: '{medium}',
  utm_campaign: '{campaign}',
  utm_content: '{cutId}',
  utm_term: '{creator}',
};

const PARAMETER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_TEMPLATE_LENGTH = 500;
const PLACEHOLDER = /\{([^{}]*)\}/g;
const placeholderSet: ReadonlySet<string> = new Set(UTM_PLACEHOLDERS);

/** The template the setting describes (the defaults when it is blank), or the problems with it in words. */
export function parseUtmTemplate(setting: string): { template: UtmTemplate } | { problems: string[] } {
  if (!setting.trim()) return { template: DEFAULT_UTM_TEMPLATE };
  let parsed: unknown;
  try {
    parsed = JSON.parse(setting);
  } catch {
    return { problems: ['must be a JSON object such as {"utm_medium":"paid"}'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problems: ['must be a JSON object of parameter → template'] };
  const problems = Object.entries(parsed).flatMap(([name, template]) => entryProblems(name, template));
  if (problems.length) return { problems };
  const merged = { ...DEFAULT_UTM_TEMPLATE, ...(parsed as Record<string, string | null>) };
  return { template: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null)) };
}

function entryProblems(name: string, template: unknown): string[] {
  if (!PARAMETER_NAME.test(name)) return [`"${name}" is not a parameter name (letters, digits, _ . - only, up to 64)`];
  if (template === null) return [];
  if (typeof template !== 'string') return [`"${name}" must be a string template or null (to drop it)`];
  if (template.length > MAX_TEMPLATE_LENGTH) return [`"${name}" is longer than ${MAX_TEMPLATE_LENGTH} characters`];
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !placeholderSet.has(p));
  return unknown.map((p) => `"${name}" names {${p}}; the placeholders are ${UTM_PLACEHOLDERS.map((k) => `{${k}}`).join(' ')}`);
}

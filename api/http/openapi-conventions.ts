import type { AnyRoute, ResponseSpec } from './route';

/**
 * What every route shares by how it is mounted (mount-routes.ts, authenticate.ts, validate.ts),
 * said once here so that each operation in /api/openapi.json documents it without its route
 * file repeating it: who may call, the errors the shared steps answer, and words for path ids.
 */

/** Who may call the operation, in words, from its access rule. */
export function accessDescription(route: AnyRoute): string {
  if (route.access === 'public') return 'No API key needed.';
  if (route.access === 'authenticated') return 'Any API key (`Authorization: Bearer <key>`).';
  const roles = ['admin', ...(route.access as readonly string[]).filter((r) => r !== 'admin')];
  return `An API key with the role ${roles.map((r) => `\`${r}\``).join(' or ')} (\`Authorization: Bearer <key>\`).`;
}

/** The errors the shared steps answer before the handler runs; a route's own description of a status wins. */
export function sharedErrorResponses(route: AnyRoute): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = {};
  if (route.params || route.query)
    responses[400] = { description: 'A path or query parameter is invalid (`invalid_<field>`; every problem in `details.issues`)' };
  if (route.access !== 'public') responses[401] = { description: 'No API key, a malformed Authorization header, or an unknown or revoked key' };
  if (Array.isArray(route.access)) responses[403] = { description: 'The API key’s role may not do this (`forbidden_role`)' };
  if (route.body) {
    responses[415] = { description: 'The body is not JSON (`expected_json`)' };
    responses[422] = { description: 'A field of the body is invalid (`invalid_<field>`; every problem in `details.issues`)' };
  }
  return responses;
}

interface Parameter {
  name: string;
  in: string;
  description?: string;
}

/**
 * Path parameters without a description of their own get one: an `id` from the path segment
 * before it (`/api/v1/licenses/{id}` → "The license's id"), others from their name (`cutId` →
 * "The cut id"). Mutates the generated document.
 */
export function describePathIds(paths: Record<string, Record<string, { parameters?: Parameter[] }>>): void {
  for (const [pathname, operations] of Object.entries(paths)) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path' || parameter.description) continue;
        const before = new RegExp(`/([\\w-]+)/\\{${parameter.name}\\}`).exec(pathname)?.[1];
        parameter.description =
          parameter.name === 'id' && before
            ? `The ${NOUNS[before] ?? singular(before).replace(/-/g, ' ')}'s id`
            : `The ${parameter.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
      }
    }
  }
}

/** Path segments whose singular is not the word people use. */
const NOUNS: Record<string, string> = { faq: 'FAQ entry' };

const singular = (word: string): string => word.replace(/ies$/, 'y').replace(/(ss|[^s])s$/, '$1');

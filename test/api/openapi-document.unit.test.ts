import type { ZodType } from 'zod';
import { buildOpenApiDocument } from '../../api/http/openapi';
import type { AnyRoute } from '../../api/http/route';
import { API_ROUTES } from '../../api/routes';

/** What these tests read of an operation in /api/openapi.json: who may call, the errors, the parameters, the bodies with their words and examples. */
interface Operation {
  operationId?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string; example?: unknown; schema?: { example?: unknown } }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Media {
  schema: Schema;
  example?: unknown;
}
interface Schema {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

const document = buildOpenApiDocument(API_ROUTES, '0.0.0') as {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ where: `${method} ${path}`, op })),
);

describe('buildOpenApiDocument', () => {
  it('gives every operation a unique operationId and says who may call it', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(document.paths['/api/v1/jobs/{id}']!.get!.operationId).toBe('getApiV1JobsId');
    for (const { where, op } of operations) expect([where, op.description]).toEqual([where, expect.stringMatching(/API key/)]);
    expect(document.paths['/api/v1/keys']!.post!.description).toBe('An API key with the role `admin` (`Authorization: Bearer <key>`).');
  });

  it('documents the errors the shared steps answer, keeping a route’s own words for a status', () => {
    const createKey = document.paths['/api/v1/keys']!.post!;
    expect(Object.keys(createKey.responses)).toEqual(expect.arrayContaining(['401', '403', '415', '422']));
    expect(createKey.responses['403']!.description).toBe('Not an admin'); // its route's own words
    const byRole = operations.filter(({ op }) => op.description?.includes('role'));
    expect(byRole.length).toBeGreaterThan(0);
    for (const { where, op } of byRole) expect([where, op.responses['403']?.description]).toEqual([where, expect.any(String)]);
    const job = document.paths['/api/v1/jobs/{id}']!.get!;
    expect(job.responses['400']!.description).toMatch(/invalid_<field>/);
    expect(job.responses['404']).toBeDefined();
  });

  it('describes every path parameter', () => {
    const missing = operations.flatMap(({ where, op }) =>
      (op.parameters ?? []).filter((p) => p.in === 'path' && !p.description).map((p) => `${where} ${p.name}`),
    );
    expect(missing).toEqual([]);
    expect(document.paths['/api/v1/licenses/{id}']!.get!.parameters![0]!.description).toBe("The license's id");
  });

  it('describes the paging query parameters of the lists built with pageQuery', () => {
    const cursors = operations.flatMap(({ where, op }) => (op.parameters ?? []).filter((p) => p.name === 'cursor').map((p) => [where, p.description]));
    expect(cursors.length).toBeGreaterThan(5);
    for (const [where, description] of cursors) expect([where, description]).toEqual([where, expect.stringMatching(/nextCursor/)]);
    const licenses = document.paths['/api/v1/licenses']!.get!.parameters!;
    expect(licenses.find((p) => p.name === 'limit')!.description).toMatch(/^How many items per page, at most \d+; \d+ when absent$/);
  });

  it('gives every query and path parameter a description and an example that its route’s own schema accepts', () => {
    let parameters = 0;
    for (const { route, where, op } of routeOperations) {
      const examples: Record<string, Record<string, unknown>> = { path: {}, query: {} };
      for (const p of op.parameters ?? []) {
        parameters++;
        const example = p.example ?? p.schema?.example;
        expect([where, p.name, p.description, example]).toEqual([where, p.name, expect.any(String), expect.anything()]);
        examples[p.in]![p.name] = example;
      }
      // Together, as a client would send them: a required parameter without an example fails here too.
      for (const [location, schema] of [
        ['path', route.params],
        ['query', route.query],
      ] as const) {
        if (schema) expect([where, location, issuesOf(schema, examples[location])]).toEqual([where, location, []]);
      }
    }
    expect(parameters).toBeGreaterThan(100);
  });

  it('describes every field of every request and response body, following $ref components', () => {
    // The walk itself finds what it should: fields without words, one nested in an array.
    const probe = { properties: { items: { type: 'array', items: { properties: { plain: {} } } } } } as Schema;
    expect(undescribed(probe, 'probe')).toEqual(['probe.items', 'probe.items[].plain']);

    const bodies = routeOperations.flatMap(({ where, op }) => [
      ...Object.values(op.requestBody?.content ?? {}).map((media) => ({ at: `${where} body`, media })),
      ...Object.entries(op.responses).flatMap(([status, r]) => Object.values(r.content ?? {}).map((media) => ({ at: `${where} ${status}`, media }))),
    ]);
    expect(bodies.length).toBeGreaterThan(100);
    expect(countFields(bodies.map((b) => b.media.schema))).toBeGreaterThan(300);
    expect(bodies.flatMap(({ at, media }) => undescribed(media.schema, at))).toEqual([]);
  });

  it('gives every JSON request body an example that its route’s body schema accepts', () => {
    const withBody = routeOperations.filter(({ route }) => route.body);
    expect(withBody.length).toBeGreaterThan(20);
    for (const { route, where, op } of withBody) {
      const media = op.requestBody!.content['application/json']!;
      expect([where, media.example]).toEqual([where, expect.anything()]);
      expect([where, issuesOf(route.body!, media.example)]).toEqual([where, []]);
    }
  });

  it('gives every 2xx JSON response an example that its response schema accepts', () => {
    let checked = 0;
    for (const { route, where, op } of routeOperations) {
      for (const [status, spec] of Object.entries<{ schema?: ZodType }>(route.responses)) {
        if (!spec.schema || Number(status) >= 300) continue;
        checked++;
        const example = op.responses[status]!.content!['application/json']!.example;
        expect([where, status, example]).toEqual([where, status, expect.anything()]);
        expect([where, status, issuesOf(spec.schema, example)]).toEqual([where, status, []]);
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

/** Each route with its operation in the document, to check the document against the route's own schemas. */
const routeOperations = API_ROUTES.map((route: AnyRoute) => ({
  route,
  where: `${route.method} ${route.path}`,
  op: document.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method]!,
}));

/** What `schema` finds wrong with `value`, as short lines (none: it parses). */
const issuesOf = (schema: ZodType, value: unknown): string[] => schema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const components = document.components?.schemas ?? {};
const resolve = (s: Schema): Schema => (s.$ref ? components[s.$ref.split('/').pop()!]! : s);

/** The fields under `schema` (through arrays, maps, unions and components) without a description, named by path. */
function undescribed(schema: Schema, at: string, seen: ReadonlySet<string> = new Set()): string[] {
  if (schema.$ref && seen.has(schema.$ref)) return [];
  const inner = schema.$ref ? new Set(seen).add(schema.$ref) : seen;
  const s = resolve(schema);
  return [
    ...[...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap((branch) => undescribed(branch, at, inner)),
    ...(s.items ? undescribed(s.items, `${at}[]`, inner) : []),
    ...(typeof s.additionalProperties === 'object' ? undescribed(s.additionalProperties, `${at}{}`, inner) : []),
    ...Object.entries(s.properties ?? {}).flatMap(([name, field]) => [
      ...(field.description || resolve(field).description ? [] : [`${at}.${name}`]),
      ...undescribed(field, `${at}.${name}`, inner),
    ]),
  ];
}

/** How many fields the walk visits, so that a walk that reaches nothing cannot pass. */
function countFields(schemas: Schema[], depth = 0): number {
  if (depth > 10) return 0;
  return schemas.reduce((n, schema) => {
    const s = resolve(schema);
    const nested = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.items ? [s.items] : []), ...Object.values(s.properties ?? {})];
    return n + Object.keys(s.properties ?? {}).length + countFields(nested, depth + 1);
  }, 0);
}

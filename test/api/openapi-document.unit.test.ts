import { buildOpenApiDocument } from '../../api/http/openapi';
import { API_ROUTES } from '../../api/routes';

/** What /api/openapi.json says of every operation beyond its schemas: who may call, shared errors, words for parameters. */
interface Operation {
  operationId?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string }>;
  responses: Record<string, { description: string }>;
}

const document = buildOpenApiDocument(API_ROUTES, '0.0.0') as { paths: Record<string, Record<string, Operation>> };
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
    expect(document.paths['/api/v1/jobs/{id}']!.get!.parameters![0]!.description).toBe("The job's id");
  });

  it('describes the paging query parameters of the lists built with pageQuery', () => {
    const cursors = operations.flatMap(({ where, op }) => (op.parameters ?? []).filter((p) => p.name === 'cursor').map((p) => [where, p.description]));
    expect(cursors.length).toBeGreaterThan(5);
    for (const [where, description] of cursors) expect([where, description]).toEqual([where, expect.stringMatching(/nextCursor/)]);
    const licenses = document.paths['/api/v1/licenses']!.get!.parameters!;
    expect(licenses.find((p) => p.name === 'limit')!.description).toMatch(/^How many items per page, at most \d+$/);
  });
});

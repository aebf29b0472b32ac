import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { accessDescription, describePathIds, sharedErrorResponses } from './openapi-conventions';
import type { AnyRoute, ResponseSpec } from './route';

const ErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string().describe('A stable snake_case code to branch on, e.g. license_not_found or invalid_territories'),
        message: z.string().describe('What went wrong, in English, for people; may change between versions'),
        details: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('More about the problem where the code says so, e.g. `issues` (every invalid field) or `reasons` (rights checks)'),
      })
      .describe('The error'),
  })
  .meta({ id: 'Error' });

const exampleOf = (example: unknown) => (example === undefined ? {} : { example });

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (their
 * `.describe()` texts become the fields' and parameters' descriptions), with what every route
 * shares added by openapi-conventions.ts: who may call, the shared errors, words for path ids.
 */
export function buildOpenApiDocument(routes: readonly AnyRoute[], version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'An API key' });
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path.replace(/:(\w+)/g, '{$1}'),
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c?: string) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      description: accessDescription(route),
      tags: [route.tag],
      ...(route.access === 'public' ? {} : { security: [{ apiKey: [] }] }),
      request: {
        ...(route.params ? { params: route.params as z.ZodObject } : {}),
        ...(route.query ? { query: route.query as z.ZodObject } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body, ...exampleOf(route.bodyExample) } } } } : {}),
      },
      responses: Object.fromEntries(
        Object.entries<ResponseSpec>({ ...sharedErrorResponses(route), ...route.responses }).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...((r.schema ?? Number(status) >= 400) ? { content: { 'application/json': { schema: r.schema ?? ErrorSchema, ...exampleOf(r.example) } } } : {}),
          },
        ]),
      ),
    });
  }
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'UGC rights library API',
      version,
      description:
        'Creator content, license terms and rights checks, ad cuts, gallery and FAQ insights. Errors are `{ error: { code, message, details? } }`, ' +
        'with a stable `code`. Send JSON bodies with `Content-Type: application/json`. Readable at /api/docs.',
    },
  });
  describePathIds(document.paths as Parameters<typeof describePathIds>[0]);
  return document;
}

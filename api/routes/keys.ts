import { z } from 'zod';
import type { ApiKey } from '../../core/db';
import { createApiKey, listApiKeys, revokeApiKey } from '../../core/access/api-key-store';
import { ROLES } from '../../core/vocabulary/roles';
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE, normalizeIdentifier } from '../../core/text/identifier-text';
import { defineRoute } from '../http/route';
import { idParams } from '../http/request-schemas';

/** A name people tell keys apart by in lists and audit entries: NFKC, without invisible characters. */
const identifierName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasInvisibleCharacters(name), `The name ${INVISIBLE_CHARACTERS_MESSAGE}`)
    .transform(normalizeIdentifier);

const KeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const createKey = defineRoute({
  method: 'post',
  path: '/api/v1/keys',
  summary: 'Create an API key (the key is shown once)',
  tag: 'keys',
  access: ['admin'],
  body: z.object({ name: identifierName(100), role: z.enum(ROLES) }),
  responses: {
    201: { description: 'Created', schema: z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES), key: z.string(), createdAt: z.string() }) },
    401: { description: 'No or unknown key' },
    403: { description: 'Not an admin' },
    422: { description: 'Invalid name or role' },
  },
  handle: async ({ body, services }) => ({ status: 201, body: await createApiKey(services.database.db, body.name, body.role) }),
});

const listKeys = defineRoute({
  method: 'get',
  path: '/api/v1/keys',
  summary: 'List API keys (never their secrets)',
  tag: 'keys',
  access: ['admin'],
  responses: { 200: { description: 'Keys', schema: z.object({ items: z.array(KeyView) }) } },
  handle: async ({ services }) => {
    return { body: { items: (await listApiKeys(services.database.db)).map(toView) } };
  },
});

const revokeKey = defineRoute({
  method: 'delete',
  path: '/api/v1/keys/:id',
  summary: 'Revoke an API key; it stops working at once',
  tag: 'keys',
  access: ['admin'],
  params: idParams,
  responses: { 200: { description: 'Revoked', schema: KeyView }, 404: { description: 'No such key' } },
  handle: async ({ params, services }) => ({ body: toView(await revokeApiKey(services.database.db, params.id)) }),
});

function toView(row: ApiKey): z.infer<typeof KeyView> {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const keyRoutes = [createKey, listKeys, revokeKey];

import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeys } from '../../core/db/schema';
import { notFound } from '../../core/errors/domain-error';
import { createApiKey } from '../auth/api-keys';
import { ROLES } from '../auth/roles';
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE, normalizeIdentifier } from '../../core/text/identifier-text';
import { defineRoute } from '../http/route';

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
    const rows = await services.database.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
    return { body: { items: rows.map(toView) } };
  },
});

const revokeKey = defineRoute({
  method: 'delete',
  path: '/api/v1/keys/:id',
  summary: 'Revoke an API key; it stops working at once',
  tag: 'keys',
  access: ['admin'],
  params: z.object({ id: z.uuid() }),
  responses: { 200: { description: 'Revoked', schema: KeyView }, 404: { description: 'No such key' } },
  handle: async ({ params, services }) => {
    const [row] = await services.database.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, params.id))
      .returning();
    if (!row) throw notFound('api_key', params.id);
    return { body: toView(row) };
  },
});

function toView(row: typeof apiKeys.$inferSelect): z.infer<typeof KeyView> {
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

import { z } from 'zod';
import type { ApiKey } from '../../core/db';
import { createApiKey, listApiKeys, revokeApiKey } from '../../core/access/api-key-store';
import { ROLES } from '../../core/vocabulary/roles';
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE, normalizeIdentifier } from '../../core/text/identifier-text';
import { defineRoute } from '../http/route';
import { idParams } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { instant } from '../../core/contract/fields';

/** A name people tell keys apart by in lists and audit entries: NFKC, without invisible characters. */
const identifierName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasInvisibleCharacters(name), `The name ${INVISIBLE_CHARACTERS_MESSAGE}`)
    .transform(normalizeIdentifier);

const ROLE_WORDS = 'admin: everything; content_manager: creators, assets, licenses, requests, FAQ; performance: ad cuts and pulls; viewer: read only';

const KeyView = z.object({
  id: z.uuid().describe('The key’s id'),
  name: z.string().describe('What people call it, e.g. the tool or person using it'),
  role: z.enum(ROLES).describe(`What it may do: ${ROLE_WORDS}`),
  keyPrefix: z.string().describe('The first characters of the key, to recognise it; the rest is never shown again'),
  createdAt: instant('When it was made'),
  revokedAt: instant('When it was revoked').nullable(),
});

const keyExample = {
  id: EXAMPLE_IDS.apiKey,
  name: 'Meta Ads sync',
  role: 'performance' as const,
  keyPrefix: 'ugc_4Kp9',
  createdAt: '2026-11-03T08:00:00.000Z',
  revokedAt: null,
};

const createKey = defineRoute({
  method: 'post',
  path: '/api/v1/keys',
  summary: 'Create an API key (the key is shown once)',
  tag: 'keys',
  access: ['admin'],
  body: z.object({
    name: identifierName(100).describe('What people will call it in lists and the audit log: 1 to 100 visible characters'),
    role: z.enum(ROLES).describe(`What it may do: ${ROLE_WORDS}`),
  }),
  bodyExample: { name: 'Meta Ads sync', role: 'performance' },
  responses: {
    201: {
      description: 'Created',
      schema: z.object({
        id: KeyView.shape.id,
        name: KeyView.shape.name,
        role: KeyView.shape.role,
        key: z.string().describe('The secret, for `Authorization: Bearer <key>`: shown this once only, store it now'),
        createdAt: KeyView.shape.createdAt,
      }),
      example: {
        id: keyExample.id,
        name: keyExample.name,
        role: keyExample.role,
        key: 'ugc_4Kp9i8jXPTSVBkQ_XU5cre4MqMUOQKCWFQjRdJVj_Ek',
        createdAt: keyExample.createdAt,
      },
    },
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
  responses: {
    200: { description: 'Keys', schema: z.object({ items: z.array(KeyView).describe('Every key, revoked ones included') }), example: { items: [keyExample] } },
  },
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
  responses: {
    200: { description: 'Revoked', schema: KeyView, example: { ...keyExample, revokedAt: '2026-12-07T09:00:00.000Z' } },
    404: { description: 'No such key' },
  },
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

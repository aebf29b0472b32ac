import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys, type ApiKey, type Db } from '../db';
import { notFound } from '../errors/domain-error';
import type { Role } from '../vocabulary/roles';
import type { Caller } from './caller';

/**
 * API keys are 256-bit random tokens, so a plain SHA-256 is the right way to store them:
 * a slow password hash buys nothing against brute force of that much entropy and would
 * cost milliseconds on every request. Only the hash and a short display prefix are kept.
 */
export const generateApiKey = (): string => `ugc_${randomBytes(32).toString('base64url')}`;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface CreatedKey {
  id: string;
  name: string;
  role: Role;
  key: string;
  createdAt: string;
}

export async function createApiKey(db: Db, name: string, role: Role, key = generateApiKey()): Promise<CreatedKey> {
  const [row] = await db
    .insert(apiKeys)
    .values({ name, role, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 8) })
    .returning();
  return { id: row!.id, name: row!.name, role: row!.role, key, createdAt: row!.createdAt.toISOString() };
}

/** Registers a key whose value is already known (ADMIN_API_KEY, DATA_DIR/admin-key); idempotent. */
export async function ensureApiKey(db: Db, name: string, role: Role, key: string): Promise<void> {
  await db
    .insert(apiKeys)
    .values({ name, role, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 8) })
    .onConflictDoNothing({ target: apiKeys.keyHash });
}

export async function findCaller(db: Db, key: string): Promise<Caller | null> {
  const [row] = await db
    .select({ keyId: apiKeys.id, name: apiKeys.name, role: apiKeys.role })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Every key, newest first (their hashes stay in the database; a view shows the prefix). */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key at once (404 when there is no such key). */
export async function revokeApiKey(db: Db, id: string): Promise<ApiKey> {
  const [row] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
  if (!row) throw notFound('api_key', id);
  return row;
}

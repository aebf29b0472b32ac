import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { apiKeys } from '../../core/db/schema';
import type { Caller, Role } from './roles';

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

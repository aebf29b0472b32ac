import path from 'node:path';
import type { Services } from '../../core/runtime/services';
import { persistentSecret } from '../../core/runtime/persistent-secret';
import { ensureApiKey, generateApiKey } from '../../core/access/api-key-store';

export interface AdminKey {
  /** The key to show the person starting the system; null when it came from the environment (never echo secrets). */
  key: string | null;
  source: 'env' | 'generated' | 'file';
}

/**
 * There is always a way in: ADMIN_API_KEY when set, otherwise a key generated on first start
 * and kept in DATA_DIR/admin-key (re-registered if the database was reset).
 */
export async function ensureAdminKey({ config, database }: Services): Promise<AdminKey> {
  if (config.adminApiKey) {
    await ensureApiKey(database.db, 'admin (ADMIN_API_KEY)', 'admin', config.adminApiKey);
    return { key: null, source: 'env' };
  }
  const { value, created } = await persistentSecret(path.join(config.dataDir, 'admin-key'), generateApiKey);
  await ensureApiKey(database.db, 'admin (generated)', 'admin', value);
  return { key: value, source: created ? 'generated' : 'file' };
}

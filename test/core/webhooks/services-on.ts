import { rm } from 'node:fs/promises';
import { loadConfig } from '../../../core/config';
import type { Database } from '../../../core/db';
import { openServices, type Services } from '../../../core/runtime/services';
import { testEnv } from '../../helpers/test-services';

/** Real services (Redis, fs storage) over a given test database, so data-layer tests can run on PGlite and the server alike. */
export async function servicesOn(database: Database, extra: Record<string, string> = {}): Promise<Services> {
  const env = await testEnv(extra);
  const services = await openServices(loadConfig(env), { database });
  return {
    ...services,
    close: async () => {
      const keys = await services.redis.keys(`${services.config.queuePrefix}:*`);
      if (keys.length) await services.redis.del(...keys);
      await services.close();
      await rm(env.DATA_DIR!, { recursive: true, force: true });
    },
  };
}

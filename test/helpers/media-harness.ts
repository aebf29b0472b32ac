import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import { ensureAdminKey } from '../../api/auth/admin-key';
import { creators } from '../../core/db';
import type { Services } from '../../core/runtime/services';
import { startWorkers, type RunningWorkers } from '../../worker/run-workers';
import { openTestServices } from './test-services';

/** What a media-worker test needs: services, a media worker, the app, an admin key, a creator and a scratch dir. */
export interface MediaHarness {
  services: Services;
  workers: RunningWorkers;
  app: Express;
  adminKey: string;
  creatorId: string;
  dir: string;
  close(): Promise<void>;
}

export async function openMediaHarness(name: string): Promise<MediaHarness> {
  const services = await openTestServices();
  const workers = await startWorkers(services, ['media']);
  const adminKey = (await ensureAdminKey(services)).key!;
  const dir = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const [creator] = await services.database.db.insert(creators).values({ handle: name, platform: 'instagram', followers: 20_000 }).returning();
  return {
    services,
    workers,
    app: createApp(services),
    adminKey,
    creatorId: creator!.id,
    dir,
    close: async () => {
      await workers.close();
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

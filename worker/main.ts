// The worker process alone (production: scale horizontally). `npm start` runs API and worker together instead.
import { loadConfig } from '../core/config';
import { runMain } from '../core/runtime/main-guard';
import { runUntilSignal } from '../core/runtime/run-until-signal';
import { openServices } from '../core/runtime/services';
import { startWorkers } from './run-workers';

runMain(async () => {
  const services = await openServices(loadConfig());
  const workers = await startWorkers(services);
  services.logger.info({ pid: process.pid }, 'worker ready');
  runUntilSignal(services.logger, async () => {
    await workers.close();
    await services.close();
  });
});

// The worker process alone (production: scale horizontally). `npm start` runs API and worker together instead.
import { loadConfig } from '../core/config';
import { runMain } from '../core/runtime/main-guard';
import { runUntilSignal } from '../core/runtime/run-until-signal';
import { openServices } from '../core/runtime/services';
import { startWorkers } from './run-workers';

runMain(async () => {
  const services = await openServices(loadConfig());
  const starting = startWorkers(services);
  // Listening before the workers are up: a job can start while they start, and a Ctrl-C then
  // must drain it like any other, not kill the process under it.
  runUntilSignal(services.logger, async () => {
    await (await starting).close();
    await services.close();
  });
  await starting;
  services.logger.info({ pid: process.pid, queuePrefix: services.config.queuePrefix }, 'worker ready');
});

// The API process alone (production: one per replica). `npm start` runs API and worker together instead.
import { loadConfig } from '../core/config';
import { runMain } from '../core/runtime/main-guard';
import { runUntilSignal } from '../core/runtime/run-until-signal';
import { openServices } from '../core/runtime/services';
import { startApiServer } from './server';

runMain(async () => {
  const services = await openServices(loadConfig());
  const api = await startApiServer(services);
  services.logger.info({ url: api.url, adminKey: api.adminKey.source }, 'api listening');
  runUntilSignal(services.logger, async () => {
    await api.close();
    await services.close();
  });
});

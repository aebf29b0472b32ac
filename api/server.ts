import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../core/runtime/services';
import { ensureAdminKey, type AdminKey } from './auth/admin-key';
import { createApp } from './app';

export interface RunningApi {
  url: string;
  adminKey: AdminKey;
  /** Stops accepting, lets in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), then closes. */
  close(): Promise<void>;
}

export async function startApiServer(services: Services): Promise<RunningApi> {
  const adminKey = await ensureAdminKey(services);
  let shuttingDown = false;
  const server = http.createServer(createApp(services, { isShuttingDown: () => shuttingDown }));
  server.listen(services.config.port, services.config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = services.config.host.includes(':') ? `[${services.config.host}]` : services.config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;

  const close = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), services.config.shutdownTimeoutMs);
    await closed;
    clearTimeout(force);
  };
  return { url, adminKey, close };
}

import type { Config } from '../../core/config';
import { createLogger } from '../../core/logging/logger';
import { openServices, type Services } from '../../core/runtime/services';

/**
 * Opens the system's services for a command that runs without the server (import, bench).
 * PGlite serves one process: when `npm start` (or another command) holds DATA_DIR's database,
 * say so and what to do, rather than PGlite's own message.
 */
export async function openScriptServices(config: Config, command: string, whileRunning: string): Promise<Services> {
  try {
    return await openServices(config, { logger: createLogger(config, { terminal: Boolean(process.stderr.isTTY) }) });
  } catch (err) {
    const owner = /already open in process (\d+)/.exec((err as Error).message)?.[1];
    if (!owner) throw err;
    throw new Error(
      `The database in ${config.dbDir} is in use by process ${owner} (npm start?): PGlite serves one process. Stop it and run ${command} again, or ${whileRunning}.`,
      { cause: err },
    );
  }
}

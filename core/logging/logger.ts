import pino, { type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** JSON logs (pino). Secrets never reach them: auth headers and key material are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'ugc'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.secret', '*.key', 'key', 'secret'],
      censor: '[redacted]',
    },
  });
}

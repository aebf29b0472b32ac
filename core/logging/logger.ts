import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config';

export type { Logger };

export interface LoggerOptions {
  name?: string;
  /** Human-readable lines for a person at a terminal; JSON otherwise (for log collectors). */
  pretty?: boolean;
}

/** JSON logs (pino). Secrets never reach them: auth headers and key material are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>, options: LoggerOptions = {}): Logger {
  const settings = {
    name: options.name ?? 'ugc',
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.secret', '*.key', 'key', 'secret'],
      censor: '[redacted]',
    },
  };
  return options.pretty ? pino(settings, pretty({ ignore: 'pid,hostname,req,res', singleLine: true })) : pino(settings);
}

import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config';
import { chooseLogFormat } from './log-format';

export type { Logger };

export interface LoggerOptions {
  name?: string;
  /** Whether the log goes to a person's terminal (default: whether stdout is one); decides the format unless LOG_FORMAT does. */
  terminal?: boolean;
}

/** Logs (pino), JSON or readable lines. Secrets never reach them: auth headers and key material are redacted. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat' | 'nodeEnv'>, options: LoggerOptions = {}): Logger {
  const settings = {
    name: options.name ?? 'ugc',
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.secret', '*.key', 'key', 'secret'],
      censor: '[redacted]',
    },
  };
  const format = chooseLogFormat(config, options.terminal ?? Boolean(process.stdout.isTTY));
  // One line each, without the request and reply objects a person at a terminal never reads.
  return format === 'pretty'
    ? pino(settings, pretty({ ignore: 'pid,hostname,req,res,name', singleLine: true, translateTime: 'SYS:HH:MM:ss' }))
    : pino(settings);
}

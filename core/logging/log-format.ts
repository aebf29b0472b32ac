import type { Config } from '../config';

export type LogFormat = 'json' | 'pretty';

/**
 * How the log is written: LOG_FORMAT when set; otherwise readable lines for a person at a
 * terminal, and JSON for everything else — a file, a pipe, a log collector — and always in
 * production, where a collector reads it even when a terminal happens to be attached.
 */
export function chooseLogFormat(config: Pick<Config, 'logFormat' | 'nodeEnv'>, terminal: boolean): LogFormat {
  if (config.logFormat) return config.logFormat;
  return terminal && config.nodeEnv !== 'production' ? 'pretty' : 'json';
}

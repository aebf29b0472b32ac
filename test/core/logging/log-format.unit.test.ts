import { loadConfig } from '../../../core/config';
import { chooseLogFormat } from '../../../core/logging/log-format';

describe('chooseLogFormat', () => {
  it('writes readable lines to a terminal and JSON to anything else', () => {
    const config = loadConfig({});
    expect(chooseLogFormat(config, true)).toBe('pretty');
    expect(chooseLogFormat(config, false)).toBe('json');
  });

  it('writes JSON in production even at a terminal: a collector reads it there', () => {
    expect(chooseLogFormat(loadConfig({ NODE_ENV: 'production' }), true)).toBe('json');
  });

  it('does what LOG_FORMAT says, whatever the output is', () => {
    expect(chooseLogFormat(loadConfig({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(chooseLogFormat(loadConfig({ LOG_FORMAT: 'pretty' }), false)).toBe('pretty');
    expect(chooseLogFormat(loadConfig({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }), false)).toBe('pretty');
    expect(chooseLogFormat(loadConfig({ LOG_FORMAT: '' }), false)).toBe('json');
  });

  it('refuses any other LOG_FORMAT at start-up', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });
});

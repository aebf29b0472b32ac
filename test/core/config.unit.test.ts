import path from 'node:path';
import { ConfigError, loadConfig } from '../../core/config';

describe('loadConfig', () => {
  it('gives the embedded setup by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.dbDir).toBe(path.resolve('data', 'db'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.storage).toEqual({ driver: 'fs', root: path.resolve('data', 'media') });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@db:5432/ugc',
      REDIS_URL: 'redis://cache:6380',
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY: 'ak',
      S3_SECRET_KEY: 'sk',
      S3_BUCKET: 'media-bucket',
      ADMIN_API_KEY: 'a-long-enough-admin-key',
      UPLOAD_LIMIT_MB: '10',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@db:5432/ugc',
      redisUrl: 'redis://cache:6380',
      storage: { driver: 's3', endpoint: 'http://minio:9000', bucket: 'media-bucket', accessKey: 'ak', secretKey: 'sk' },
      adminApiKey: 'a-long-enough-admin-key',
      uploadLimitBytes: 10 * 1024 * 1024,
      trustProxy: true,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_API_KEY: '' })).toMatchObject({ databaseUrl: undefined, adminApiKey: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_ENDPOINT'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  - ${variable}: `));
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL']);
    }
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStorage, S3Driver } from '../../../core/storage';
import { startS3rver, type S3rverHandle } from '../../helpers/s3rver';

const opts = { signingSecret: 'test-signing-secret-0123456789' };

describe('createStorage', () => {
  let s3: S3rverHandle;
  let base: string;
  beforeAll(async () => {
    s3 = await startS3rver();
    base = await mkdtemp(path.join(os.tmpdir(), 'create-storage-'));
  });
  afterAll(async () => {
    await s3.stop();
    await rm(base, { recursive: true, force: true });
  });

  it('makes the fs root', async () => {
    const root = path.join(base, 'data', 'media');
    const storage = await createStorage({ driver: 'fs', root }, opts);
    expect(storage.name).toBe('fs');
    expect((await readdir(root)).sort()).toEqual(['meta', 'objects', 'tmp']);
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('creates the S3 bucket, and again finds it there', async () => {
    const config = { endpoint: s3.endpoint, region: 'us-east-1', bucket: 'fresh-bucket', accessKey: s3.accessKey, secretKey: s3.secretKey };
    await expect(new S3Driver(config).ping()).rejects.toThrow('Bucket fresh-bucket does not exist');
    const storage = await createStorage({ driver: 's3', ...config }, opts);
    expect(storage.name).toBe('s3');
    await expect(storage.ping()).resolves.toBeUndefined();
    await expect(createStorage({ driver: 's3', ...config }, opts)).resolves.toBeDefined();
  });

  // An unknown key: s3rver does not check V4 signatures, so a wrong secret would pass.
  it('fails S3 ping with an unknown access key', async () => {
    const config = { endpoint: s3.endpoint, region: 'us-east-1', bucket: 'fresh-bucket', accessKey: 'UNKNOWN', secretKey: 'S3RVER' };
    await expect(new S3Driver(config).ping()).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

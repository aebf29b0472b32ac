import type { Config } from '../config/config';
import { FsDriver } from './fs-driver';
import { S3Driver } from './s3-driver';
import type { StorageDriver } from './storage-driver';

/**
 * The driver the configuration asks for, ready to use: directories made, bucket created.
 * `signingSecret` and `publicBaseUrl` make the fs driver's download URLs; S3 presigns its own.
 */
export async function createStorage(config: Config['storage'], opts: { signingSecret: string; publicBaseUrl?: string }): Promise<StorageDriver> {
  if (config.driver === 'fs') {
    const driver = new FsDriver({ root: config.root, ...opts });
    await driver.init();
    return driver;
  }
  const driver = new S3Driver(config);
  await driver.ensureBucket();
  return driver;
}

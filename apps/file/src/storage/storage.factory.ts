import type { FileConfig } from '../file.config';
import { LocalStorageDriver } from './local-storage.driver';
import type { StorageDriver } from './storage-driver';

/**
 * The driver FILE_STORAGE names. `s3` needs an S3 client and an S3-compatible server to test it
 * against; until those packages are installed the service refuses to start with it rather than
 * pretend (the interface is ready for an `S3StorageDriver`).
 */
export async function createStorageDriver(config: FileConfig): Promise<StorageDriver> {
  if (config.FILE_STORAGE === 's3') {
    throw new Error('FILE_STORAGE=s3 is not available yet in this build: use FILE_STORAGE=local');
  }
  const driver = new LocalStorageDriver(config.FILE_LOCAL_DIR);
  await driver.init();
  return driver;
}

import { join } from 'node:path';
import type { FileConfig } from '../file.config';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import type { StorageDriver } from './storage-driver';

/**
 * The driver FILE_STORAGE names, ready to use (local: spool directory made; s3: bucket ensured,
 * so a wrong endpoint or credentials stop the boot instead of failing the first upload).
 */
export async function createStorageDriver(config: FileConfig): Promise<StorageDriver> {
  if (config.FILE_STORAGE === 's3') {
    const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY: accessKeyId, S3_SECRET_KEY: secretAccessKey } = config;
    // Config validation requires these under s3 already; the check narrows the types.
    if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) throw new Error('FILE_STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY');
    const driver = new S3StorageDriver({
      endpoint,
      bucket,
      accessKeyId,
      secretAccessKey,
      region: config.S3_REGION,
      // Under s3, FILE_LOCAL_DIR only holds the upload spools (judged before anything is stored).
      spoolDir: join(config.FILE_LOCAL_DIR, '.tmp'),
    });
    await driver.init();
    return driver;
  }
  const driver = new LocalStorageDriver(config.FILE_LOCAL_DIR);
  await driver.init();
  return driver;
}

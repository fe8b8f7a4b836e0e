import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { checkedKey, StorageObjectNotFound, type StorageDriver } from './storage-driver';

/** Local disk: `<root>/<key>`; uploads spool in `<root>/.tmp` and commit by rename (atomic on one filesystem). */
export class LocalStorageDriver implements StorageDriver {
  readonly kind = 'local' as const;
  readonly name = 'storage';
  readonly root: string;
  readonly spoolDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.spoolDir = join(this.root, '.tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.spoolDir, { recursive: true });
  }

  async commit(tempPath: string, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(join(target, '..'), { recursive: true });
    await rename(tempPath, target);
  }

  async openRead(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await access(path).catch(() => {
      throw new StorageObjectNotFound(key);
    });
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  check(): Promise<void> {
    return access(this.spoolDir);
  }

  private pathOf(key: string): string {
    return join(this.root, checkedKey(key));
  }
}

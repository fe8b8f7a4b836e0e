import type { Readable } from 'node:stream';

/**
 * Where file bytes live, behind one interface (local disk, S3-compatible). An upload is spooled
 * to a temp file first (size-limited, hashed and sniffed on the way), then committed under its
 * key in one step, so a refused or broken upload never becomes a stored object.
 */
export interface StorageDriver {
  readonly kind: 'local' | 's3';
  /** Directory for upload spools (on the same filesystem as local storage, so commit is a rename). */
  readonly spoolDir: string;
  /** Makes the checked temp file the object `key` (atomically for readers) and removes the temp file. */
  commit(tempPath: string, key: string): Promise<void>;
  openRead(key: string): Promise<Readable>;
  /** Idempotent: removing a missing object is not an error. */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

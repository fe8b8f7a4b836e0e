import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@sakip/observability';
import { writeAudit } from '../audit/file-audit';
import { FILE_CONFIG, type FileConfig } from '../file.config';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import { FilesRepository } from './files.repository';

const BATCH = 200;

/**
 * Removes uploads that no service has linked within FILE_UNLINKED_TTL_SEC (a day): never linked
 * since upload, or released by their last link that long ago. Rows go in batches with an audit
 * row each (actor `system:file-cleanup`); bytes go after the commit.
 */
@Injectable()
export class UnlinkedCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly files: FilesRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.FILE_CLEANUP_INTERVAL_MS <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((err: unknown) => this.logger.error({ err }, 'unlinked upload sweep failed'));
    }, this.config.FILE_CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One full sweep; returns the ids removed. */
  async sweep(now = new Date()): Promise<string[]> {
    const cutoff = new Date(now.getTime() - this.config.FILE_UNLINKED_TTL_SEC * 1000);
    const removed: string[] = [];
    for (;;) {
      const rows = await this.files.ds.transaction(async (tx) => {
        const batch = await this.files.lockExpiredUnlinked(tx, cutoff, BATCH);
        if (!batch.length) return batch;
        await this.files.deleteMany(tx, batch.map((r) => r.id));
        for (const r of batch) {
          await writeAudit(tx, { actor: 'system:file-cleanup', operation: 'delete', table: 'files', rowId: r.id, oldValues: { name: r.name, sha256: r.sha256, reason: 'unlinked' } });
        }
        return batch;
      });
      for (const r of rows) {
        await this.storage.remove(r.storage_key).catch((err: unknown) => this.logger.warn({ err, fileId: r.id }, 'bytes of a swept upload could not be removed'));
        removed.push(r.id);
      }
      if (rows.length < BATCH) return removed;
    }
  }
}

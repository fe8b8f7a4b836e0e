import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@sakip/contracts';
import type { Readable } from 'node:stream';
import { writeAudit } from '../audit/file-audit';
import { FilesRepository, type FileRow } from '../files/files.repository';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import type { TransferGrant } from './transfer-token';

type DownloadGrant = Extract<TransferGrant, { purpose: 'download' }>;

/** The bytes of one granted download; every download is audited (who, from where, which file). */
@Injectable()
export class StreamDownloadUseCase {
  constructor(
    private readonly files: FilesRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async execute(grant: DownloadGrant): Promise<{ row: FileRow; body: Readable }> {
    const row = await this.files.find(grant.fileId);
    if (!row) throw notFound('File');
    const body = await this.storage.openRead(row.storage_key).catch(() => {
      throw notFound('File');
    });
    try {
      await this.files.ds.transaction((tx) => writeAudit(tx, { actor: grant.actor, ip: grant.ip, operation: 'download', table: 'files', rowId: row.id }));
    } catch (err) {
      body.destroy();
      throw err;
    }
    return { row, body };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { conflict, forbidden, notFound, type CallerIdentity, type FileIdRequest } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import { assertPermission } from '@sakip/security';
import { writeAudit } from '../../audit/file-audit';
import { STORAGE_DRIVER, type StorageDriver } from '../../storage/storage-driver';
import { canDeleteFile, canSeeFile } from '../file-access';
import { FilesRepository, toFileView } from '../files.repository';

/**
 * `file.delete.v1`: super_admin, or the uploader, while nothing links the file (409 otherwise).
 * The row goes in a transaction that locks it (the links consumer takes the same lock before adding
 * a link); the bytes go after the commit.
 */
@Injectable()
export class DeleteFileUseCase {
  constructor(
    private readonly files: FilesRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(dto: FileIdRequest, identity: CallerIdentity | null): Promise<void> {
    const caller = assertPermission(identity, 'files.delete');
    const storageKey = await this.files.ds.transaction(async (tx) => {
      const row = await this.files.find(dto.id, tx, true);
      if (!row) throw notFound('File');
      const linkOpdIds = await this.files.linkOpdIds(row.id, tx);
      if (!canSeeFile(caller, { ownerId: row.owner_id, opdId: row.opd_id, linkOpdIds })) throw notFound('File');
      if (!canDeleteFile(caller, row.owner_id)) throw forbidden('Only the uploader or a super_admin may delete this file');
      if (linkOpdIds.length > 0) throw conflict('The file is still referenced', [{ field: 'id', message: 'referenced by other records' }]);
      await this.files.delete(tx, row.id);
      const { createdAt: _c, ...old } = toFileView(row);
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: 'files', rowId: row.id, oldValues: old });
      return row.storage_key;
    });
    await this.storage.remove(storageKey).catch((err: unknown) => this.logger.warn({ err, fileId: dto.id }, 'stored bytes of a deleted file could not be removed'));
  }
}

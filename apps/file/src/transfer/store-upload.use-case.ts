import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, conflict, type FileView } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { writeAudit } from '../audit/file-audit';
import { withFileAccess } from '../content/random-access';
import { FILE_KINDS, sniffKind } from '../content/sniff';
import { FILE_CONFIG, type FileConfig } from '../file.config';
import { FilesRepository, toFileView } from '../files/files.repository';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import type { TransferGrant } from './transfer-token';
import { spoolUpload, UploadTooLarge } from './upload-spool';
import { isUniqueViolation } from '@sakip/persistence';

type UploadGrant = Extract<TransferGrant, { purpose: 'upload' }>;

/**
 * The bytes of one granted upload: spooled (size-limited, hashed), judged by content, committed
 * to storage, then recorded. A refusal (413, 415) or a failure leaves nothing stored.
 */
@Injectable()
export class StoreUploadUseCase {
  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly files: FilesRepository,
  ) {}

  async execute(grant: UploadGrant, body: Readable): Promise<FileView> {
    // A token is for one upload: its file id is the primary key, so a replay is refused here (and by the insert).
    if (await this.files.find(grant.fileId)) throw conflict('This upload grant was already used');
    let spooled;
    try {
      spooled = await spoolUpload(body, this.storage.spoolDir, this.config.FILE_MAX_BYTES);
    } catch (err) {
      if (err instanceof UploadTooLarge) throw new DomainError(ErrorCode.PayloadTooLarge, `The file exceeds ${err.limit} bytes`);
      throw err;
    }
    const storageKey = `${grant.fileId.slice(0, 2)}/${grant.fileId}`;
    try {
      const kind = await withFileAccess(spooled.tempPath, (ra) => sniffKind(ra, spooled.utf8Text));
      if (!kind) throw new DomainError(ErrorCode.UnsupportedMediaType, 'Only PDF, DOC, DOCX, XLS, XLSX, JPG, PNG and UTF-8 CSV files are accepted');
      await this.storage.commit(spooled.tempPath, storageKey);
      try {
        const row = await this.files.ds.transaction(async (tx) => {
          const r = await this.files.insert(tx, {
            id: grant.fileId,
            name: grant.name,
            mimeType: FILE_KINDS[kind],
            size: spooled.size,
            sha256: spooled.sha256,
            storageKey,
            opdId: grant.opdId,
            ownerId: grant.sub,
            ownerActor: grant.actor,
          });
          const { createdAt: _c, ...values } = toFileView(r);
          await writeAudit(tx, { actor: grant.actor, ip: grant.ip, operation: 'insert', table: 'files', rowId: r.id, newValues: values });
          return r;
        });
        return toFileView(row);
      } catch (err) {
        await this.storage.remove(storageKey).catch((e: unknown) => this.logger.warn({ err: e, fileId: grant.fileId }, 'could not remove bytes of a failed upload'));
        if (isUniqueViolation(err)) throw conflict('This upload grant was already used');
        throw err;
      }
    } finally {
      await rm(spooled.tempPath, { force: true });
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { CallerIdentity, CreateImportRequest, ImportAccepted } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ImportWorker } from '../import-worker';
import { ImportsRepository } from '../imports.repository';

/** `POST /imports/achievements`: queues the job (202); the worker reads the file and applies it. */
@Injectable()
export class CreateImport {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly worker: ImportWorker,
  ) {}

  async execute(caller: CallerIdentity | null, req: CreateImportRequest): Promise<ImportAccepted> {
    const who = assertPermission(caller, 'achievements.import');
    // Whether the caller may read the file is the file service's decision, asked by the worker as this caller.
    const job = await this.imports.enqueue(req.fileId.toLowerCase(), OpdAccess.of(who).boundOpdId, who);
    this.worker.wake(); // committed: no need to wait for the next poll
    return { id: job.id, status: job.status };
  }
}

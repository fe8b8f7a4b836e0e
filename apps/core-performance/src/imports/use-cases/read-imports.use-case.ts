import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type ImportRowsCommand, type ImportRowView, type ImportView, type Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ImportsRepository, toImportView, type ImportRow } from '../imports.repository';

/** `GET /imports/:id` and `GET /imports/:id/rows`: a job of the caller's OPD scope (foreign → 404). */
@Injectable()
export class ReadImports {
  constructor(private readonly imports: ImportsRepository) {}

  async get(caller: CallerIdentity | null, id: string): Promise<ImportView> {
    return toImportView(await this.visible(caller, id));
  }

  async rows(caller: CallerIdentity | null, q: ImportRowsCommand): Promise<Page<ImportRowView>> {
    const job = await this.visible(caller, q.id);
    const { id: _id, ...list } = q;
    return this.imports.rows(job.id, list);
  }

  private async visible(caller: CallerIdentity | null, id: string): Promise<ImportRow> {
    const who = assertPermission(caller, 'achievements.read');
    const job = await this.imports.findById(id);
    if (!job) throw notFound('Import');
    // A Pemda-wide job (opd null) is a super_admin's: bound callers do not see it.
    const bound = OpdAccess.of(who).boundOpdId;
    if (bound !== null && job.opd_id !== bound) throw notFound('Import');
    return job;
  }
}

import { Injectable } from '@nestjs/common';
import { unauthenticated, type CallerIdentity, type FileCheckRequest, type FileCheckResult } from '@sakip/contracts';
import { FilesRepository } from '../files.repository';
import { FileVisibility } from './file-visibility';

/**
 * `file.check.v1`: before a service links files to a record (achievement documents, LKE evidence,
 * the settings logo) it asks which ids the user could not see. No `files.read` permission is
 * required: referencing is the owning service's permission (e.g. an API key with
 * achievements:write); visibility is still this service's rule.
 */
@Injectable()
export class CheckFilesUseCase {
  constructor(
    private readonly files: FilesRepository,
    private readonly visibility: FileVisibility,
  ) {}

  async execute(dto: FileCheckRequest, caller: CallerIdentity | null): Promise<FileCheckResult> {
    if (!caller) throw unauthenticated('Authentication required');
    const rows = new Map((await this.files.findMany(dto.ids)).map((r) => [r.id, r]));
    const missing: string[] = [];
    for (const id of dto.ids) {
      const row = rows.get(id);
      if (!row || !(await this.visibility.canSee(caller, row))) missing.push(id);
    }
    return { missing };
  }
}

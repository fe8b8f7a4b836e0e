import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@sakip/contracts';
import { canSeeFile } from '../file-access';
import { FilesRepository, type FileRow } from '../files.repository';

/** canSeeFile with the facts loaded (links only when the cheaper rules did not already decide). */
@Injectable()
export class FileVisibility {
  constructor(private readonly files: FilesRepository) {}

  async canSee(caller: CallerIdentity, row: FileRow): Promise<boolean> {
    const facts = { ownerId: row.owner_id, opdId: row.opd_id, linkOpdIds: [] as (string | null)[] };
    if (canSeeFile(caller, facts)) return true;
    facts.linkOpdIds = await this.files.linkOpdIds(row.id);
    return canSeeFile(caller, facts);
  }
}

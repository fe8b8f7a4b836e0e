import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type FileIdRequest, type FileView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { FilesRepository, toFileView } from '../files.repository';
import { FileVisibility } from './file-visibility';

/** `file.get.v1`: metadata of a file the caller may see (foreign → 404). */
@Injectable()
export class GetFileUseCase {
  constructor(
    private readonly files: FilesRepository,
    private readonly visibility: FileVisibility,
  ) {}

  async execute(dto: FileIdRequest, identity: CallerIdentity | null): Promise<FileView> {
    const caller = assertPermission(identity, 'files.read');
    const row = await this.files.find(dto.id);
    if (!row || !(await this.visibility.canSee(caller, row))) throw notFound('File');
    return toFileView(row);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type FileDownloadAuthorizeRequest, type FileDownloadGrant } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { FILE_CONFIG, type FileConfig } from '../../file.config';
import { TransferTokens } from '../../transfer/transfer-token';
import { FilesRepository } from '../files.repository';
import { FileVisibility } from './file-visibility';

/** `file.download.authorize.v1`: a short-lived grant to stream one file the caller may see. */
@Injectable()
export class AuthorizeDownloadUseCase {
  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly tokens: TransferTokens,
    private readonly files: FilesRepository,
    private readonly visibility: FileVisibility,
  ) {}

  async execute(dto: FileDownloadAuthorizeRequest, identity: CallerIdentity | null): Promise<FileDownloadGrant> {
    const caller = assertPermission(identity, 'files.read');
    const row = await this.files.find(dto.fileId);
    if (!row || !(await this.visibility.canSee(caller, row))) throw notFound('File');
    const exp = this.tokens.expiryIn(this.config.FILE_TOKEN_TTL_SEC);
    const token = this.tokens.sign({ purpose: 'download', fileId: row.id, sub: caller.sub, actor: caller.actor, ip: caller.ip ?? null, exp });
    const path = `/internal/downloads/${token}`;
    return {
      fileId: row.id,
      token,
      path,
      url: `${this.config.internalBaseUrl}${path}`,
      expiresAt: new Date(exp * 1000).toISOString(),
      filename: row.name,
      contentType: row.mime_type,
      sizeBytes: Number(row.size_bytes),
    };
  }
}

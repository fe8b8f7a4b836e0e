import { Inject, Injectable } from '@nestjs/common';
import type { CallerIdentity, FileTransferGrant, FileUploadAuthorizeRequest } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { assertPermission } from '@sakip/security';
import { FILE_CONFIG, type FileConfig } from '../../file.config';
import { sanitizeFileName } from '../../transfer/file-name';
import { TransferTokens } from '../../transfer/transfer-token';
import { uploadOpdOf } from '../file-access';

/** `file.upload.authorize.v1`: a grant for exactly one upload of a new file id, owned by the caller. */
@Injectable()
export class AuthorizeUploadUseCase {
  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly tokens: TransferTokens,
  ) {}

  execute(dto: FileUploadAuthorizeRequest, identity: CallerIdentity | null): FileTransferGrant {
    const caller = assertPermission(identity, 'files.upload');
    const opdId = uploadOpdOf(caller, dto.opdId);
    const fileId = uuidv7();
    const exp = this.tokens.expiryIn(this.config.FILE_TOKEN_TTL_SEC);
    const token = this.tokens.sign({ purpose: 'upload', fileId, sub: caller.sub, actor: caller.actor, ip: caller.ip ?? null, opdId, name: sanitizeFileName(dto.filename), exp });
    const path = `/internal/uploads/${token}`;
    return { fileId, token, path, url: `${this.config.internalBaseUrl}${path}`, expiresAt: new Date(exp * 1000).toISOString() };
  }
}

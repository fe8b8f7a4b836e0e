import { MessagePattern, Payload } from '@nestjs/microservices';
import { FILE_SUBJECTS, FileCheckRequest, FileDownloadAuthorizeRequest, FileIdRequest, FileUploadAuthorizeRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { AuthorizeDownloadUseCase } from './use-cases/authorize-download.use-case';
import { AuthorizeUploadUseCase } from './use-cases/authorize-upload.use-case';
import { CheckFilesUseCase } from './use-cases/check-files.use-case';
import { DeleteFileUseCase } from './use-cases/delete-file.use-case';
import { GetFileUseCase } from './use-cases/get-file.use-case';

@RpcController()
export class FilesController {
  constructor(
    private readonly authorizeUpload: AuthorizeUploadUseCase,
    private readonly authorizeDownload: AuthorizeDownloadUseCase,
    private readonly getFile: GetFileUseCase,
    private readonly deleteFile: DeleteFileUseCase,
    private readonly checkFiles: CheckFilesUseCase,
  ) {}

  @MessagePattern(FILE_SUBJECTS.uploadAuthorize)
  upload(@Payload() dto: FileUploadAuthorizeRequest, @Caller() caller: CallerIdentity | null) {
    return this.authorizeUpload.execute(dto, caller);
  }

  @MessagePattern(FILE_SUBJECTS.downloadAuthorize)
  download(@Payload() dto: FileDownloadAuthorizeRequest, @Caller() caller: CallerIdentity | null) {
    return this.authorizeDownload.execute(dto, caller);
  }

  @MessagePattern(FILE_SUBJECTS.get)
  get(@Payload() dto: FileIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.getFile.execute(dto, caller);
  }

  @MessagePattern(FILE_SUBJECTS.check)
  check(@Payload() dto: FileCheckRequest, @Caller() caller: CallerIdentity | null) {
    return this.checkFiles.execute(dto, caller);
  }

  @MessagePattern(FILE_SUBJECTS.delete)
  async delete(@Payload() dto: FileIdRequest, @Caller() caller: CallerIdentity | null) {
    await this.deleteFile.execute(dto, caller);
    return null;
  }
}

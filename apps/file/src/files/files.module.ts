import { Module } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../file.config';
import { FileLinksConsumer } from '../links/file-links.consumer';
import { FileLinksRepository } from '../links/file-links.repository';
import { InternalTransferRoutes } from '../transfer/internal-transfer.routes';
import { StoreUploadUseCase } from '../transfer/store-upload.use-case';
import { StreamDownloadUseCase } from '../transfer/stream-download.use-case';
import { TransferTokens } from '../transfer/transfer-token';
import { FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { UnlinkedCleanup } from './unlinked-cleanup';
import { AuthorizeDownloadUseCase } from './use-cases/authorize-download.use-case';
import { AuthorizeUploadUseCase } from './use-cases/authorize-upload.use-case';
import { CheckFilesUseCase } from './use-cases/check-files.use-case';
import { DeleteFileUseCase } from './use-cases/delete-file.use-case';
import { FileVisibility } from './use-cases/file-visibility';
import { GetFileUseCase } from './use-cases/get-file.use-case';

@Module({
  controllers: [FilesController],
  providers: [
    { provide: TransferTokens, inject: [FILE_CONFIG], useFactory: (c: FileConfig) => new TransferTokens(c.FILE_TOKEN_SECRET) },
    FilesRepository,
    FileVisibility,
    InternalTransferRoutes,
    AuthorizeUploadUseCase,
    AuthorizeDownloadUseCase,
    GetFileUseCase,
    CheckFilesUseCase,
    DeleteFileUseCase,
    StoreUploadUseCase,
    StreamDownloadUseCase,
    FileLinksRepository,
    FileLinksConsumer,
    UnlinkedCleanup,
  ],
  exports: [UnlinkedCleanup],
})
export class FilesModule {}

import { Module } from '@nestjs/common';
import { ImportWorker } from './import-worker';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { CreateImport } from './use-cases/create-import.use-case';
import { ReadImports } from './use-cases/read-imports.use-case';

/** Achievement import from an uploaded CSV/XLSX as an asynchronous job (issue #7). */
@Module({
  controllers: [ImportsController],
  providers: [ImportsRepository, ImportWorker, CreateImport, ReadImports],
})
export class ImportsModule {}

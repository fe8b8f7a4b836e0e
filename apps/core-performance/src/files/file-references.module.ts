import { Module } from '@nestjs/common';
import { FileReferences } from './file-references';

/** The file service's view of file ids a core record is about to link. */
@Module({ providers: [FileReferences], exports: [FileReferences] })
export class FileReferencesModule {}

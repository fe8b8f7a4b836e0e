import { Module } from '@nestjs/common';
import { UserDirectoryModule } from '@sakip/messaging';
import { NOTIFICATION_SCHEMA } from '../migrations';
import { DirectoryRepository } from './directory.repository';

/** notification's copy of auth's users (snapshot at start, then `evt.auth.user.*.v1`), to address people. */
@Module({
  imports: [UserDirectoryModule.forService(NOTIFICATION_SCHEMA)],
  providers: [DirectoryRepository],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}

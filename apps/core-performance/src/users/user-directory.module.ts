import { Module } from '@nestjs/common';
import { UserDirectoryModule as FollowAuthUsers } from '@sakip/messaging';
import { CORE_SCHEMA } from '../migrations';
import { UserDirectory } from './user-directory';
import { UserDirectoryRepository } from './user-directory.repository';

/** core's copy of auth's users (snapshot at start, then `evt.auth.user.*.v1`); other features use UserDirectory. */
@Module({
  imports: [FollowAuthUsers.forService(CORE_SCHEMA)],
  providers: [UserDirectoryRepository, UserDirectory],
  exports: [UserDirectory],
})
export class UserDirectoryModule {}

import { Module } from '@nestjs/common';
import { UserDirectory } from './user-directory';
import { UserDirectoryRepository } from './user-directory.repository';
import { UserEventsConsumer } from './user-events.consumer';
import { UserSnapshotSync } from './user-snapshot.sync';

/** core's copy of auth's users (snapshot at start, then `evt.auth.user.*.v1`); other features use UserDirectory. */
@Module({
  providers: [UserDirectoryRepository, UserDirectory, UserEventsConsumer, UserSnapshotSync],
  exports: [UserDirectory],
})
export class UserDirectoryModule {}

import { Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository';
import { UserEventsConsumer } from './user-events.consumer';
import { UserSnapshotSync } from './user-snapshot.sync';

/** notification's copy of auth's users (snapshot at start, then `evt.auth.user.*.v1`), to address people. */
@Module({
  providers: [DirectoryRepository, UserEventsConsumer, UserSnapshotSync],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}

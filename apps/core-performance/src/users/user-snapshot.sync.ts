import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AUTH_SUBJECTS, type UserSnapshot } from '@sakip/contracts';
import { RpcClient, SnapshotBootstrap } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource } from 'typeorm';
import { CORE_SCHEMA } from '../migrations';
import { AUTH_USERS_SOURCE, UserDirectoryRepository } from './user-directory.repository';

/**
 * Copies auth's users into the directory at every start, in the background (boot does not wait
 * for auth): every start pages the whole snapshot again, which also heals events the directory
 * might have missed; the version guard keeps whichever state is newer.
 */
@Injectable()
export class UserSnapshotSync implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly copy: SnapshotBootstrap<UserSnapshot>;

  constructor(rpc: RpcClient, users: UserDirectoryRepository, @Inject(DataSource) ds: DataSource, @Inject(LOGGER) logger: Logger) {
    this.copy = new SnapshotBootstrap<UserSnapshot>({
      source: AUTH_USERS_SOURCE,
      subject: AUTH_SUBJECTS.userList,
      rpc,
      ds,
      schema: CORE_SCHEMA,
      logger,
      everyStart: true,
      apply: (tx, items) => users.upsertStates(items, tx),
    });
  }

  onApplicationBootstrap(): void {
    this.copy.start();
  }

  /** Resolves once this start's snapshot is complete (or the sync was stopped by shutdown). */
  whenSynced(): Promise<void> {
    return this.copy.whenDone();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.copy.stop();
  }
}

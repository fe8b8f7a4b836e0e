import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AUTH_SUBJECTS, type UserSnapshot } from '@sakip/contracts';
import { RpcClient, SnapshotBootstrap } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../migrations';
import { AUTH_USERS_SOURCE, DirectoryRepository } from './directory.repository';

/** Copies auth's users at every start, in the background (heals missed events; the version guard keeps the newer state). */
@Injectable()
export class UserSnapshotSync implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly copy: SnapshotBootstrap<UserSnapshot>;

  constructor(rpc: RpcClient, users: DirectoryRepository, @Inject(DataSource) ds: DataSource, @Inject(LOGGER) logger: Logger) {
    this.copy = new SnapshotBootstrap<UserSnapshot>({
      source: AUTH_USERS_SOURCE,
      subject: AUTH_SUBJECTS.userList,
      rpc,
      ds,
      schema: NOTIFICATION_SCHEMA,
      logger,
      everyStart: true,
      apply: (tx, items) => users.upsertStates(items, tx),
    });
  }

  onApplicationBootstrap(): void {
    this.copy.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.copy.stop();
  }
}

import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { AUTH_EVENTS, AUTH_SUBJECTS, type SakipEventEnvelope, type UserSnapshot, type UserStateV1 } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { OnEvent } from '../events/on-event.decorator';
import { SnapshotBootstrap } from '../events/snapshot-bootstrap';
import { RpcClient } from '../rpc-client';

/** The snapshot source name in `<schema>.snapshot_state`. */
export const AUTH_USERS_SOURCE = 'auth.users';

const USER_DIRECTORY_SCHEMA = Symbol('USER_DIRECTORY_SCHEMA');

/**
 * `<schema>.user_directory` as a service keeps it: auth's users, written only from auth's snapshot
 * and events. Every write keeps the higher `version` (auth bumps it on every change), so snapshot
 * pages and events converge in any order and any number of times. A deactivation seen before any
 * state of the user leaves a placeholder row (no e-mail, no role) holding its version, so an older
 * snapshot row cannot bring the user back; readers skip rows with `role = ''`.
 */
@Injectable()
export class UserDirectoryWriter {
  constructor(@Inject(USER_DIRECTORY_SCHEMA) private readonly schema: string) {}

  /** Set-based upsert of whole user states (a snapshot page, or one event). */
  async upsertStates(db: DataSource | EntityManager, users: UserStateV1[]): Promise<void> {
    if (!users.length) return;
    await db.query(
      `INSERT INTO ${this.schema}.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       SELECT u.user_id, u.email, u.name, u.role, u.opd_id, u.is_active, u.version, now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::integer[])
           AS u (user_id, email, name, role, opd_id, is_active, version)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role, opd_id = EXCLUDED.opd_id,
         is_active = EXCLUDED.is_active, version = EXCLUDED.version, updated_at = now()
       WHERE d.version <= EXCLUDED.version`,
      [
        users.map((u) => u.userId),
        users.map((u) => u.email),
        users.map((u) => u.name),
        users.map((u) => u.role),
        users.map((u) => u.opdId),
        users.map((u) => u.isActive),
        users.map((u) => u.version),
      ],
    );
  }

  async deactivate(tx: EntityManager, userId: string, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.schema}.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       VALUES ($1, '', '', '', NULL, false, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET is_active = false, version = EXCLUDED.version, updated_at = now()
       WHERE d.version < EXCLUDED.version`,
      [userId, version],
    );
  }
}

/** Applies auth's user events in the inbox transaction; the version guard makes order irrelevant. */
@Injectable()
export class UserEventsFollower {
  constructor(private readonly users: UserDirectoryWriter) {}

  @OnEvent('evt.auth.user.*.v1', { durable: 'user-directory' })
  async userChanged(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    switch (event.subject) {
      case AUTH_EVENTS.userCreated:
      case AUTH_EVENTS.userUpdated: {
        const { userId, email, name, role, opdId, isActive, version } = event.data;
        return this.users.upsertStates(tx, [{ userId, email, name, role, opdId, isActive, version }]);
      }
      case AUTH_EVENTS.userDeactivated:
        return this.users.deactivate(tx, event.data.userId, event.data.version);
    }
  }
}

/**
 * Copies auth's users at every start, in the background (boot does not wait for auth): the whole
 * snapshot again each time, which also heals events the directory might have missed.
 */
@Injectable()
export class UserSnapshotFollower implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly copy: SnapshotBootstrap<UserSnapshot>;

  constructor(rpc: RpcClient, users: UserDirectoryWriter, @Inject(DataSource) ds: DataSource, @Inject(LOGGER) logger: Logger, @Inject(USER_DIRECTORY_SCHEMA) schema: string) {
    this.copy = new SnapshotBootstrap<UserSnapshot>({
      source: AUTH_USERS_SOURCE,
      subject: AUTH_SUBJECTS.userList,
      rpc,
      ds,
      schema,
      logger,
      everyStart: true,
      apply: (tx, items) => users.upsertStates(tx, items),
    });
  }

  onApplicationBootstrap(): void {
    this.copy.start();
  }

  /** Resolves once this start's snapshot is complete (or the copy was stopped by shutdown). */
  whenSynced(): Promise<void> {
    return this.copy.whenDone();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.copy.stop();
  }
}

/**
 * A service's copy of auth's users (ARCHITECTURE.md "Events": snapshot, then events) in
 * `<schema>.user_directory` (columns user_id, email, name, role, opd_id, is_active, version,
 * updated_at) and `<schema>.snapshot_state`. The service keeps its own read queries.
 */
@Module({})
export class UserDirectoryModule {
  static forService(schema: string): DynamicModule {
    return {
      module: UserDirectoryModule,
      providers: [{ provide: USER_DIRECTORY_SCHEMA, useValue: schema }, UserDirectoryWriter, UserEventsFollower, UserSnapshotFollower],
      exports: [UserSnapshotFollower],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { AUTH_EVENTS, type SakipEventEnvelope } from '@sakip/contracts';
import { OnEvent } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from './directory.repository';

/** Applies auth's user events to the directory in the inbox transaction; the version guard makes order irrelevant. */
@Injectable()
export class UserEventsConsumer {
  constructor(private readonly users: DirectoryRepository) {}

  @OnEvent('evt.auth.user.*.v1', { durable: 'user-directory' })
  async userChanged(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    switch (event.subject) {
      case AUTH_EVENTS.userCreated:
      case AUTH_EVENTS.userUpdated: {
        const { userId, email, name, role, opdId, isActive, version } = event.data;
        return this.users.upsertStates([{ userId, email, name, role, opdId, isActive, version }], tx);
      }
      case AUTH_EVENTS.userDeactivated:
        return this.users.deactivate(tx, event.data.userId, event.data.version);
    }
  }
}

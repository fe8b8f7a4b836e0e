import { AUTH_EVENTS, USER_EVENT_FIELDS, type UserStateV1 } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { authOutbox } from '../events/auth-outbox';
import type { UserEntity } from './user.entity';

/** What other services may keep of a user (no secrets: the stream is kept for days). */
export function userState(u: UserEntity): UserStateV1 {
  return { userId: u.id, email: u.email, name: u.name, role: u.role, opdId: u.opdId, isActive: u.isActive, version: u.version };
}

export function enqueueUserCreated(tx: EntityManager, u: UserEntity): Promise<string> {
  return authOutbox.enqueue(tx, AUTH_EVENTS.userCreated, userState(u));
}

/** The full state after the change, naming the shared fields whose value moved. */
export function enqueueUserUpdated(tx: EntityManager, before: UserEntity, after: UserEntity): Promise<string> {
  const changed = USER_EVENT_FIELDS.filter((f) => before[f] !== after[f]);
  return authOutbox.enqueue(tx, AUTH_EVENTS.userUpdated, { ...userState(after), changed });
}

export function enqueueUserDeactivated(tx: EntityManager, u: UserEntity & { deactivatedAt: Date }): Promise<string> {
  return authOutbox.enqueue(tx, AUTH_EVENTS.userDeactivated, { userId: u.id, version: u.version, deactivatedAt: u.deactivatedAt.toISOString() });
}

import { Injectable } from '@nestjs/common';
import { forbidden, SNAPSHOT_DEFAULT_LIMIT, type CallerIdentity, type UserSnapshot, type UserSnapshotPage, type UserSnapshotRequest } from '@sakip/contracts';
import { decodeIdCursor, encodeIdCursor } from '@sakip/persistence';
import { userState } from '../user-events';
import type { UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';

function toUserSnapshot(u: UserEntity): UserSnapshot {
  return { ...userState(u), createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

/**
 * `auth.user.list.v1`: every user in id order, for a service bootstrapping its copy before it
 * follows the user events (ARCHITECTURE.md). Services only: a call carrying a user identity came
 * through the gateway, and no user may dump the directory.
 */
@Injectable()
export class ListUserSnapshot {
  constructor(private readonly users: UsersRepository) {}

  async execute(caller: CallerIdentity | null, req: UserSnapshotRequest): Promise<UserSnapshotPage> {
    if (caller) throw forbidden('The user snapshot is for services only');
    const limit = req.limit ?? SNAPSHOT_DEFAULT_LIMIT;
    // One row more than asked tells whether another page exists without a COUNT.
    const rows = await this.users.pageById(decodeIdCursor(req.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toUserSnapshot), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
  }
}

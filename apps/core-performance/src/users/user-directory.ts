import { Injectable } from '@nestjs/common';
import type { Role } from '@sakip/contracts';
import { UserDirectoryRepository, type DirectoryUser } from './user-directory.repository';

export type { DirectoryUser };

/**
 * Who belongs to which OPD, as core follows it from auth (ARCHITECTURE.md "Events": snapshot,
 * then events). For features that address or name people: the admins of an OPD to notify, a
 * verifier's name. Eventually consistent with auth; never auth's schema.
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly users: UserDirectoryRepository) {}

  /** Active users bound to `opdId`, optionally only those with one of `roles`, by name. */
  usersOfOpd(opdId: string, roles?: readonly Role[]): Promise<DirectoryUser[]> {
    return this.users.activeOfOpd(opdId, roles);
  }

  /** The user as last seen (deactivated ones included, with `isActive: false`); null when unknown. */
  byId(id: string): Promise<DirectoryUser | null> {
    return this.users.byId(id);
  }
}

import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Role } from '../common/roles';
import { SnapshotRequest, type SnapshotPage } from '../common/snapshot';
import { IsNullableUuid } from '../common/validators';
import type { UserStateV1 } from '../events/auth.events';

/** `auth.user.list.v1` (services only): every user, in id order, `limit` ≤ 1000. */
export class UserSnapshotRequest extends SnapshotRequest {}

/** A user as the snapshot gives it: the same state the user events carry, plus timestamps. */
export interface UserSnapshot extends UserStateV1 {
  createdAt: string;
  updatedAt: string;
}

export type UserSnapshotPage = SnapshotPage<UserSnapshot>;

/** Roles an upstream staff source may grant; super_admin and evaluator are granted by people only. */
export const PROVISIONABLE_ROLES = [Role.AdminOpd, Role.Viewer] as const;

/**
 * `auth.user.provision.v1` (services only, integration-sync from SIMPEG): creates the account
 * when `email` is unknown, otherwise updates name/role/OPD. A created account has no usable
 * password: its owner sets one through the password-reset flow.
 */
export class ProvisionUserRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsEmail() @MaxLength(254)
  email: string;

  @IsString() @Length(1, 200)
  name: string;

  @IsEnum(Role) @IsIn(PROVISIONABLE_ROLES)
  role: Role;

  @IsNullableUuid()
  opdId: string | null;

  /** The upstream identity, e.g. `simpeg:<NIP>`, recorded in the audit row. */
  @Matches(/^[a-z]+:[A-Za-z0-9._-]{1,64}$/)
  externalRef: string;
}

export interface ProvisionUserResult {
  userId: string;
  created: boolean;
  version: number;
}

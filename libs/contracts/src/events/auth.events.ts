import { IsArray, IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Role } from '../common/roles';
import { IsInstant, IsNullableUuid } from '../common/validators';

/** Facts `auth` publishes on the EVENTS stream. */
export const AUTH_EVENTS = {
  userCreated: 'evt.auth.user.created.v1',
  userUpdated: 'evt.auth.user.updated.v1',
  userDeactivated: 'evt.auth.user.deactivated.v1',
  auditRecorded: 'evt.auth.audit.recorded.v1',
} as const;

/**
 * Event-carried state of a user: enough for another service to keep its own copy (names for
 * reports, e-mail for notifications, role/OPD for scoping) without asking auth. `version`
 * increases with every change: a consumer applies an event only when it is newer than its copy,
 * which makes late or repeated delivery harmless.
 */
export class UserStateV1 {
  @IsUUID() userId: string;
  @IsEmail() @MaxLength(254) email: string;
  @IsString() @Length(1, 200) name: string;
  @IsEnum(Role) role: Role;
  @IsNullableUuid() opdId: string | null;
  @IsBoolean() isActive: boolean;
  @IsInt() @Min(1) version: number;
}

export class UserCreatedV1 extends UserStateV1 {}

export const USER_EVENT_FIELDS = ['name', 'role', 'opdId', 'email'] as const;

/** The whole state after the change, plus which of these fields changed (may be none: the version still moved). */
export class UserUpdatedV1 extends UserStateV1 {
  @IsArray() @IsIn(USER_EVENT_FIELDS, { each: true })
  changed: Array<(typeof USER_EVENT_FIELDS)[number]>;
}

/** Deactivation also revoked every session; consumers stop addressing the user. */
export class UserDeactivatedV1 {
  @IsUUID() userId: string;
  @IsInt() @Min(1) version: number;
  @IsInstant() deactivatedAt: string;
}

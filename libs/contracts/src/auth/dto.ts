import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsEmail, IsEnum, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '../common/scopes';
import { ListQuery } from '../common/pagination';
import { Role } from '../common/roles';
import { IsExpectedVersion, trim, trimLower } from '../common/transforms';


export class LoginRequest {
  @ApiProperty({ example: 'admin@pemda.go.id' })
  @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 128 })
  @IsString() @Length(1, 128)
  password: string;
}

export class RefreshRequest {
  @ApiProperty() @IsString() @Length(16, 256)
  refreshToken: string;
}

export class LogoutRequest extends RefreshRequest {}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) opdId: string | null;
  @ApiProperty() mfaEnabled: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export type MeView = Pick<UserView, 'id' | 'email' | 'name' | 'role' | 'opdId' | 'mfaEnabled' | 'mustChangePassword'>;

export class TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: UserView }) user: MeView;
}

/** Client context the gateway adds to session calls (not accepted from the public body). */
export interface SessionContext {
  ip?: string;
  userAgent?: string;
}

export class CreateUserRequest {
  @ApiProperty() @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @Length(12, 128)
  password: string;

  @ApiProperty({ enum: Role }) @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID()
  opdId?: string | null;
}

export class UpdateUserRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID()
  opdId?: string | null;
}

export const USER_SORTABLE = ['email', 'name', 'role', 'createdAt', 'updatedAt'] as const;

export class UserListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ description: 'exact e-mail' }) @IsOptional() @Transform(trimLower) @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'substring of name or e-mail' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ enum: [...USER_SORTABLE, ...USER_SORTABLE.map((f) => `-${f}`)] })
  @IsOptional() @IsIn([...USER_SORTABLE, ...USER_SORTABLE.map((f) => `-${f}`)])
  declare sort?: string;
}

/** `GET /api-keys`: the caller's keys (sort: createdAt, name, lastUsedAt, expiresAt; default -createdAt). */
export class ApiKeyListQuery extends ListQuery {}

/** `GET /auth/sessions`: the caller's live sessions (sort: lastUsedAt, createdAt, expiresAt; default -lastUsedAt). */
export class SessionListQuery extends ListQuery {}

export class IdRequest {
  @IsUUID() id: string;
}

export class UpdateUserCommand extends UpdateUserRequest {
  @IsUUID() id: string;

  /** From the client's If-Match: the write applies only to this version (else 412). */
  @IsExpectedVersion() expectedVersion?: number;
}

/** RFC 7517 public key set. */
export interface JwkSet {
  keys: Array<Record<string, unknown> & { kid: string; kty: string; alg?: string; use?: string }>;
}

/** RPC commands: the public body plus what only the gateway knows about the client. */
export class LoginCommand extends LoginRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string;
}

export class RefreshCommand extends RefreshRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string;
}

/** Login answer when a second factor is needed (API.md "Auth"): verify, or enrol first (super_admin). */
export class MfaChallenge {
  @ApiPropertyOptional() mfaRequired?: true;
  @ApiPropertyOptional() mfaSetupRequired?: true;
  @ApiProperty({ description: 'lives 5 minutes' }) mfaToken: string;
}

export type LoginResult = TokenPair | MfaChallenge;

const TOTP_CODE = /^\d{6}$/;

export class MfaVerifyRequest {
  @ApiProperty() @IsString() @Length(16, 256) mfaToken: string;
  @ApiProperty({ example: '123456' }) @IsString() @Matches(TOTP_CODE, { message: 'code must be 6 digits' }) code: string;
}

export class MfaSetupRequest {
  @ApiPropertyOptional({ description: 'the mfaToken of a login that requires enrolment; omit when signed in' })
  @IsOptional() @IsString() @Length(16, 256) mfaToken?: string;
}

export class MfaEnableRequest extends MfaSetupRequest {
  @ApiProperty({ example: '123456' }) @IsString() @Matches(TOTP_CODE, { message: 'code must be 6 digits' }) code: string;
}

export class MfaCodeRequest {
  @ApiProperty({ example: '123456' }) @IsString() @Matches(TOTP_CODE, { message: 'code must be 6 digits' }) code: string;
}

export class MfaSetupResponse {
  @ApiProperty({ description: 'base32 secret' }) secret: string;
  @ApiProperty() otpauthUrl: string;
}

export class MfaVerifyCommand extends MfaVerifyRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string;
}

export class MfaEnableCommand extends MfaEnableRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @Length(1, 128) currentPassword: string;
  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @Length(12, 128) newPassword: string;
}

export class ForgotPasswordRequest {
  @ApiProperty({ example: 'admin@pemda.go.id' }) @Transform(trimLower) @IsEmail() @MaxLength(254) email: string;
}

export class ResetPasswordRequest {
  @ApiProperty({ description: 'the one-time token from the mail' }) @IsString() @Length(16, 256) token: string;
  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @Length(12, 128) newPassword: string;
}

/** RPC commands: the public body plus the client's address (audit). */
export class ForgotPasswordCommand extends ForgotPasswordRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
}

export class ResetPasswordCommand extends ResetPasswordRequest {
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastUsedAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ description: 'the session of the access token making this call' }) current: boolean;
}

export class CreateApiKeyRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 100)
  name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(API_KEY_SCOPES as unknown as string[], { each: true })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'only super_admin may omit it; others are bound to their OPD' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID()
  opdId?: string | null;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the visible start of the key' }) prefix: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes: ApiKeyScope[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) opdId: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedApiKey extends ApiKeyView {
  @ApiProperty({ description: 'shown once; store it now' }) key: string;
}

export class ApiKeyVerifyRequest {
  @IsString() @Length(20, 200) key: string;
}

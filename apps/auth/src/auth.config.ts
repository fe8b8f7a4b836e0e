import { ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { IsEmail, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

/** A fixed key for local development only; production must set its own (checked below). */
export const DEV_KEY_ENCRYPTION_KEY = 'c2FraXAtZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtISE=';

export class AuthConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3101;

  @IsString() @Length(1, 200)
  JWT_ISSUER = 'sakip-auth';

  @IsString() @Length(1, 200)
  JWT_AUDIENCE = 'sakip-api';

  /** base64 of 32 random bytes: encrypts the signing keys at rest. */
  @ValidateIf((c: AuthConfig) => c.NODE_ENV === 'production' || c.AUTH_KEY_ENCRYPTION_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'AUTH_KEY_ENCRYPTION_KEY must be base64 of exactly 32 bytes' })
  AUTH_KEY_ENCRYPTION_KEY?: string;

  @IsInt() @Min(60) @Max(3600)
  AUTH_ACCESS_TOKEN_TTL_SEC = 900;

  @IsInt() @Min(1) @Max(90)
  AUTH_REFRESH_TOKEN_TTL_DAYS = 14;

  /** Signing keys rotate after this many days; a retired key stays published for 30 minutes. */
  @IsInt() @Min(1) @Max(365)
  AUTH_KEY_ROTATION_DAYS = 30;

  /** argon2id cost (OWASP 2024 minimum: 19 MiB, t=2, p=1). */
  @IsInt() @Min(8192) @Max(1_048_576)
  AUTH_ARGON2_MEMORY_KIB = 19456;

  @IsInt() @Min(1) @Max(10)
  AUTH_ARGON2_TIME_COST = 2;

  @ValidateIf((c: AuthConfig) => c.BOOTSTRAP_ADMIN_PASSWORD !== undefined)
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @ValidateIf((c: AuthConfig) => c.BOOTSTRAP_ADMIN_EMAIL !== undefined)
  @IsString() @Length(12, 128)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** base32 TOTP secret: enrols the bootstrap admin so automation can log in (API.md "Auth"). */
  @IsOptional() @Matches(/^[A-Z2-7]{16,128}=*$/, { message: 'BOOTSTRAP_ADMIN_TOTP_SECRET must be base32 (A–Z, 2–7), at least 16 characters' })
  BOOTSTRAP_ADMIN_TOTP_SECRET?: string;

  /** Label shown by authenticator apps. */
  @IsString() @Length(1, 64)
  AUTH_MFA_ISSUER = 'SAKIP';

  /** Failed logins per account (by e-mail, known or not) within the window before a lockout. */
  @IsInt() @Min(1) @Max(1000)
  AUTH_LOCKOUT_ACCOUNT_MAX = 5;

  @IsInt() @Min(1) @Max(10_000)
  AUTH_LOCKOUT_IP_MAX = 20;

  @IsInt() @Min(10) @Max(86_400)
  AUTH_LOCKOUT_WINDOW_SEC = 900;

  /** First lockout lasts this long, each further one doubles, up to AUTH_LOCKOUT_MAX_SEC. */
  @IsInt() @Min(1) @Max(86_400)
  AUTH_LOCKOUT_BASE_SEC = 60;

  @IsInt() @Min(1) @Max(86_400)
  AUTH_LOCKOUT_MAX_SEC = 1800;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  AUTH_DATABASE_URL?: string;

  /**
   * The frontend's reset page. When set, the reset mail links to `<url>#token=<token>` (a fragment
   * never reaches servers or Referer headers); when empty it shows the bare token.
   */
  @IsOptional() @Matches(/^https?:\/\/[^\s#]+$/, { message: 'AUTH_RESET_PAGE_URL must be an http(s) URL without a fragment' })
  AUTH_RESET_PAGE_URL?: string;

  get databaseUrl(): string {
    return serviceDatabaseUrl('AUTH', 'sakip_auth', { DATABASE_URL: this.DATABASE_URL, AUTH_DATABASE_URL: this.AUTH_DATABASE_URL });
  }

  get keyEncryptionKey(): Buffer {
    return Buffer.from(this.AUTH_KEY_ENCRYPTION_KEY ?? DEV_KEY_ENCRYPTION_KEY, 'base64');
  }
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return loadConfig(AuthConfig, env);
}

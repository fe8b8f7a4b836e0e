import { ConfigError, ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { FILE_MAX_UPLOAD_BYTES } from '@sakip/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

/** Signs transfer tokens on a developer machine only: production must set its own (refused below). */
export const DEV_FILE_TOKEN_SECRET = 'sakip-dev-only-file-token-secret-do-not-use';

export class FileConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3106;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  FILE_DATABASE_URL?: string;

  @IsIn(['local', 's3'])
  FILE_STORAGE: 'local' | 's3' = 'local';

  /**
   * Local disk driver: where the bytes live (temp uploads in `<dir>/.tmp`, same filesystem, so commit is a rename).
   * With FILE_STORAGE=s3 only the upload spools live here (`<dir>/.tmp`), judged before anything reaches the bucket.
   */
  @IsString() @Length(1, 1000)
  FILE_LOCAL_DIR = './.data/files';

  @ValidateIf((c: FileConfig) => c.FILE_STORAGE === 's3') @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @ValidateIf((c: FileConfig) => c.FILE_STORAGE === 's3') @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @ValidateIf((c: FileConfig) => c.FILE_STORAGE === 's3') @IsString() @Length(1, 256)
  S3_ACCESS_KEY?: string;

  @ValidateIf((c: FileConfig) => c.FILE_STORAGE === 's3') @IsString() @Length(1, 256)
  S3_SECRET_KEY?: string;

  /** Signing region; MinIO accepts the default. */
  @IsString() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'S3_REGION must be a region name such as us-east-1' })
  S3_REGION = 'us-east-1';

  /** This service's internal base URL as other pods reach it: grants carry `<url>/internal/…`. */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, { message: 'FILE_INTERNAL_URL must be an http(s) base URL without a path' })
  FILE_INTERNAL_URL = 'http://127.0.0.1:3106';

  /** HMAC key of the upload/download tokens (≥ 32 chars). The development default is refused in production. */
  @IsString() @Length(32, 512)
  FILE_TOKEN_SECRET = DEV_FILE_TOKEN_SECRET;

  /** Lifetime of an upload/download grant, in seconds. */
  @IsInt() @Min(5) @Max(900)
  FILE_TOKEN_TTL_SEC = 60;

  @IsInt() @Min(1024) @Max(FILE_MAX_UPLOAD_BYTES)
  FILE_MAX_BYTES = FILE_MAX_UPLOAD_BYTES;

  /** Uploads no service has linked for this long are removed. */
  @IsInt() @Min(60) @Max(30 * 86_400)
  FILE_UNLINKED_TTL_SEC = 86_400;

  /** How often the unlinked-upload sweep runs; 0 turns it off (tests call it directly). */
  @IsInt() @Min(0) @Max(86_400_000)
  FILE_CLEANUP_INTERVAL_MS = 600_000;

  get databaseUrl(): string {
    return serviceDatabaseUrl('FILE', 'sakip_file', { DATABASE_URL: this.DATABASE_URL, FILE_DATABASE_URL: this.FILE_DATABASE_URL });
  }

  get internalBaseUrl(): string {
    return this.FILE_INTERNAL_URL.replace(/\/$/, '');
  }
}

export const FILE_CONFIG = Symbol('FILE_CONFIG');

export function loadFileConfig(env: NodeJS.ProcessEnv = process.env): FileConfig {
  const config = loadConfig(FileConfig, env);
  if (config.NODE_ENV === 'production' && config.FILE_TOKEN_SECRET === DEV_FILE_TOKEN_SECRET) {
    throw new ConfigError(['FILE_TOKEN_SECRET'], 'FILE_TOKEN_SECRET must be set in production (the development default is public)');
  }
  return config;
}

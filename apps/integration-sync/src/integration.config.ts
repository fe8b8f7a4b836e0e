import { ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class IntegrationConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3103;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  INTEGRATION_DATABASE_URL?: string;

  /**
   * Base64 of the 32-byte AES-256-GCM key that encrypts integration credentials at rest. The
   * default is a public development value; NODE_ENV=production must set its own.
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'INTEGRATION_SECRET_KEY must be base64 of 32 bytes' })
  INTEGRATION_SECRET_KEY = 'ZGV2LW9ubHktaW50ZWdyYXRpb24ta2V5LWNoYW5nZS0=';

  /**
   * Keys replaced by a rotation (comma-separated base64), still accepted for reading: credentials
   * sealed with one are re-sealed with INTEGRATION_SECRET_KEY at the next start, after which the
   * old key can be dropped.
   */
  @IsString() @Matches(/^([A-Za-z0-9+/]{43}=)?(,[A-Za-z0-9+/]{43}=)*$/, { message: 'INTEGRATION_SECRET_KEYS_OLD must be comma-separated base64 keys of 32 bytes' })
  INTEGRATION_SECRET_KEYS_OLD = '';

  /** How often the scheduler looks for due integrations (one replica at a time); 0 turns it off. */
  @IsInt() @Min(0) @Max(3_600_000)
  INTEGRATION_SCHEDULER_INTERVAL_MS = 30_000;

  /** Upstream calls: the time one HTTP request may take, and the retries of a failed one. */
  @IsInt() @Min(100) @Max(300_000)
  INTEGRATION_HTTP_TIMEOUT_MS = 15_000;

  @IsInt() @Min(0) @Max(10)
  INTEGRATION_HTTP_RETRIES = 3;

  @IsInt() @Min(1) @Max(60_000)
  INTEGRATION_HTTP_RETRY_BASE_MS = 500;

  /** A run redelivered this often (its worker died or it kept failing) is recorded as failed. */
  @IsInt() @Min(1) @Max(20)
  INTEGRATION_JOB_MAX_DELIVER = 5;

  @IsInt() @Min(1000) @Max(600_000)
  INTEGRATION_JOB_ACK_WAIT_MS = 30_000;

  /** The Pemda's time zone for cron schedules (IANA name). */
  @IsString() @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, { message: 'INTEGRATION_TIME_ZONE must be an IANA time zone' })
  INTEGRATION_TIME_ZONE = 'Asia/Jakarta';

  /**
   * Comma-separated hosts (host or host:port) that an integration's baseUrl may name even though
   * they resolve to private addresses, e.g. the local simulator; everything else must be public.
   */
  @IsString()
  INTEGRATION_ALLOWED_HOSTS = '';

  get databaseUrl(): string {
    return serviceDatabaseUrl('INTEGRATION', 'sakip_integration', { DATABASE_URL: this.DATABASE_URL, INTEGRATION_DATABASE_URL: this.INTEGRATION_DATABASE_URL });
  }
}

export const INTEGRATION_CONFIG = Symbol('INTEGRATION_CONFIG');

export function loadIntegrationConfig(env: NodeJS.ProcessEnv = process.env): IntegrationConfig {
  return loadConfig(IntegrationConfig, env);
}

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

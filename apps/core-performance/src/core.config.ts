import { ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class CoreConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3102;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  CORE_DATABASE_URL?: string;

  /** Read-model cache entries (dashboards, analytics, performance data) expire after this; writes invalidate at once. */
  @IsInt() @Min(1) @Max(86_400)
  CORE_CACHE_TTL_SEC = 300;

  get databaseUrl(): string {
    return serviceDatabaseUrl('CORE', 'sakip_core', { DATABASE_URL: this.DATABASE_URL, CORE_DATABASE_URL: this.CORE_DATABASE_URL });
  }
}

export const CORE_CONFIG = Symbol('CORE_CONFIG');

export function loadCoreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  return loadConfig(CoreConfig, env);
}

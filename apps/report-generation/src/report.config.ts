import { ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ReportConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3104;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  REPORT_DATABASE_URL?: string;

  /** A silent worker's build is redelivered to another after this; a build renews it while it works. */
  @IsInt() @Min(1000) @Max(600_000)
  REPORT_JOB_ACK_WAIT_MS = 60_000;

  /** Deliveries before a build that keeps failing for a passing reason is marked failed. */
  @IsInt() @Min(1) @Max(20)
  REPORT_JOB_MAX_DELIVER = 4;

  get databaseUrl(): string {
    return serviceDatabaseUrl('REPORT', 'sakip_report', { DATABASE_URL: this.DATABASE_URL, REPORT_DATABASE_URL: this.REPORT_DATABASE_URL });
  }
}

export const REPORT_CONFIG = Symbol('REPORT_CONFIG');

export function loadReportConfig(env: NodeJS.ProcessEnv = process.env): ReportConfig {
  return loadConfig(ReportConfig, env);
}

import { ServiceConfig, loadConfig, serviceDatabaseUrl } from '@sakip/config';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class NotificationConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3105;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/)
  NOTIFICATION_DATABASE_URL?: string;

  /** The mail relay (nodemailer URL, e.g. smtp://user:pass@relay:587 or smtps://…); the default is a local catcher. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** The From header of every mail. */
  @IsString() @Length(3, 320)
  MAIL_FROM = 'SAKIP <no-reply@sakip.local>';

  /** Slack-compatible incoming webhook for admin alerts (not used yet: the Slack channel comes next). */
  @IsOptional() @Matches(/^https:\/\/\S+$/, { message: 'SLACK_WEBHOOK_URL must be an https URL' })
  SLACK_WEBHOOK_URL?: string;

  /** How often the mail worker looks for due deliveries; 0 turns the loop off (tests drive it directly). */
  @IsInt() @Min(0) @Max(3_600_000)
  NOTIFICATION_MAIL_POLL_MS = 2000;

  /** Deliveries claimed per poll. */
  @IsInt() @Min(1) @Max(500)
  NOTIFICATION_MAIL_BATCH = 20;

  /** Attempts before a delivery is dead-lettered (a down server is retried this many times). */
  @IsInt() @Min(1) @Max(100)
  NOTIFICATION_MAIL_MAX_ATTEMPTS = 12;

  /** First retry delay; doubles per attempt (with jitter) up to the max. */
  @IsInt() @Min(10) @Max(3_600_000)
  NOTIFICATION_MAIL_RETRY_BASE_MS = 30_000;

  @IsInt() @Min(10) @Max(86_400_000)
  NOTIFICATION_MAIL_RETRY_MAX_MS = 3_600_000;

  /** A claimed delivery not reported back in this time (worker crashed mid-send) is due again. */
  @IsInt() @Min(1000) @Max(3_600_000)
  NOTIFICATION_MAIL_CLAIM_MS = 120_000;

  /** SMTP connection/greeting/socket timeout. */
  @IsInt() @Min(100) @Max(300_000)
  NOTIFICATION_SMTP_TIMEOUT_MS = 30_000;

  get databaseUrl(): string {
    return serviceDatabaseUrl('NOTIFICATION', 'sakip_notification', { DATABASE_URL: this.DATABASE_URL, NOTIFICATION_DATABASE_URL: this.NOTIFICATION_DATABASE_URL });
  }
}

export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  return loadConfig(NotificationConfig, env);
}

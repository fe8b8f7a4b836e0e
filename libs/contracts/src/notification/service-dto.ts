import { IsEmail, IsIn, IsObject, IsOptional, IsUUID, MaxLength } from 'class-validator';

export const MAIL_TEMPLATES = ['password_reset', 'account_created', 'mfa_reset'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** `notification.mail.send.v1`: `variables` fill the template (strings only, rendered escaped). */
export class MailSendRequest {
  @IsEmail() @MaxLength(254) to: string;
  @IsIn(MAIL_TEMPLATES) template: MailTemplate;
  @IsOptional() @IsIn(['id', 'en']) locale?: 'id' | 'en';
  @IsObject() variables: Record<string, string>;
  /** The caller's id for this mail (e.g. the password-reset id): a repeated call queues it once. */
  @IsOptional() @IsUUID() idempotencyKey?: string;
  /** Whom the mail is about, when it is a user. */
  @IsOptional() @IsUUID() userId?: string;
}

export interface MailSendResult {
  messageId: string;
}

export * from './inbox.dto';

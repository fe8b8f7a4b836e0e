import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification.config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<eventId.userId@sakip>`: a retried mail keeps its id, so receivers can drop a duplicate. */
  messageId: string;
}

/** nodemailer over SMTP_URL. A failure throws (with `responseCode` when the server answered). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    const t = config.NOTIFICATION_SMTP_TIMEOUT_MS;
    this.transporter = createTransport({ url: config.SMTP_URL, connectionTimeout: t, greetingTimeout: t, socketTimeout: t });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NotificationType } from '@sakip/contracts';
import { Wakeup } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification.config';
import { DeliveriesRepository, type ClaimedDelivery } from './deliveries.repository';
import { MailTransport } from './mail-transport';
import { afterFailure, type RetrySettings } from './retry-policy';
import { SlackWebhook, slackText } from '../slack/slack-webhook';
import { isDirectMailType, renderDirectMail } from './mail-templates';
import { renderMessage } from './templates';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Sends queued e-mails: claim due rows, send each, mark sent; a failure is retried with back-off
 * and jitter, and dead-lettered when permanent or out of attempts. A mail server that is down
 * only delays mail: the rows stay pending and due again later.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopped = false;
  private running?: Promise<void>;
  private readonly pause = new Wakeup();
  private readonly retry: RetrySettings;
  /** Set when SLACK_WEBHOOK_URL is: the worker then also sends the `slack` deliveries. */
  private readonly slack?: SlackWebhook;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly transport: MailTransport,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    if (config.SLACK_WEBHOOK_URL) this.slack = new SlackWebhook(config.SLACK_WEBHOOK_URL, config.NOTIFICATION_SMTP_TIMEOUT_MS);
    this.retry = { maxAttempts: config.NOTIFICATION_MAIL_MAX_ATTEMPTS, baseMs: config.NOTIFICATION_MAIL_RETRY_BASE_MS, maxMs: config.NOTIFICATION_MAIL_RETRY_MAX_MS };
  }

  onApplicationBootstrap(): void {
    if (this.config.NOTIFICATION_MAIL_POLL_MS > 0) this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.running;
  }

  /** One round: claims and sends what is due; returns how many were attempted. */
  async runOnce(): Promise<number> {
    const batch = await this.deliveries.claimDue(this.config.NOTIFICATION_MAIL_BATCH, this.config.NOTIFICATION_MAIL_CLAIM_MS, this.slack ? ['email', 'slack'] : ['email']);
    for (const d of batch) await this.deliver(d);
    return batch.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let attempted = 0;
      try {
        attempted = await this.runOnce();
      } catch (err) {
        this.logger.error({ err: errorText(err) }, 'mail delivery round failed');
      }
      // A full batch means more may be due: go again at once.
      if (this.stopped) return;
      if (attempted < this.config.NOTIFICATION_MAIL_BATCH) await this.pause.sleep(this.config.NOTIFICATION_MAIL_POLL_MS);
    }
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    try {
      const { title, body } = isDirectMailType(d.type) ? renderDirectMail(d.type, d.language, d.data) : renderMessage(d.type as NotificationType, d.language, d.data);
      // Slack rows are only claimed when the webhook is configured.
      const slack = d.channel === 'slack' ? this.slack : undefined;
      if (slack) await slack.post(slackText(title, body));
      else await this.transport.send({ to: d.recipient, subject: title, text: body, messageId: d.messageId });
      await this.deliveries.markSent(d.id);
    } catch (err) {
      const outcome = afterFailure(d.attempts, err, this.retry);
      if (outcome.dead) {
        await this.deliveries.markDead(d.id, errorText(err));
        this.logger.warn({ deliveryId: d.id, attempts: d.attempts, err: errorText(err) }, 'mail delivery dead-lettered');
      } else {
        await this.deliveries.retryLater(d.id, outcome.retryInMs, errorText(err));
      }
    }
  }
}

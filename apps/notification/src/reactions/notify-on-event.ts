import { Inject, Injectable } from '@nestjs/common';
import type { SakipEventEnvelope } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { renderMessage } from '../mail/templates';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification.config';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { LivePush } from '../push/live-push';
import { enqueueSlack, goesToSlack } from '../slack/slack-deliveries';
import { FanOutRepository } from './fan-out.repository';
import { reactionTo } from './reaction-rules';

/**
 * Turns one event into in-app notifications, queued mails (and the admins' Slack post) for its recipients, inside the
 * consumer's inbox transaction: all of it commits with the inbox row, or none of it (retried).
 */
@Injectable()
export class NotifyOnEvent {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly preferences: PreferencesRepository,
    private readonly fanOut: FanOutRepository,
    private readonly livePush: LivePush,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async handle(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    const reaction = reactionTo(event);
    if (!reaction) return;
    const data = event.data as unknown as Record<string, unknown>;
    // Admins' channel: posted once per event whether or not any super_admin has an inbox yet.
    if (this.config.SLACK_WEBHOOK_URL && goesToSlack(reaction.to)) await enqueueSlack(tx, event.id, reaction.type, data);
    const recipients = await this.directory.resolve(tx, reaction.to);
    if (!recipients.length) return;
    const prefs = await this.preferences.forUsers(tx, recipients.map((r) => r.id));
    const inApp = [];
    const mail = [];
    for (const r of recipients) {
      const p = prefs.get(r.id);
      if (!p) continue;
      if (p.enabled(reaction.type, 'in_app')) inApp.push({ userId: r.id, language: p.language, ...renderMessage(reaction.type, p.language, data) });
      if (r.email && p.enabled(reaction.type, 'email')) mail.push({ userId: r.id, email: r.email, language: p.language });
    }
    const inserted = await this.fanOut.insertInApp(tx, event.id, reaction.type, data, inApp);
    this.livePush.afterCommit(tx, inserted.map((n) => ({ userId: n.userId, message: n.view })));
    await this.fanOut.enqueueMail(tx, event.id, reaction.type, data, mail);
  }
}

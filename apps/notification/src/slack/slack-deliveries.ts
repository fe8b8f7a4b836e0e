import { Role, type NotificationType } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import type { RecipientQuery } from '../directory/directory.repository';
import { messageIdOf } from '../mail/retry-policy';

/** The deliveries key is (event, user, channel): a Slack post is for no user. */
export const SLACK_USER = '00000000-0000-0000-0000-000000000000';

/** Events that notify the super_admins (sync failed, Pemda-level achievement facts) also go to Slack. */
export function goesToSlack(to: RecipientQuery): boolean {
  return 'roles' in to && to.roles.includes(Role.SuperAdmin) && !to.opdId;
}

/**
 * Queues the Slack post of one event in the caller's transaction (once per event), sent by the
 * delivery worker with the mail's retry and dead-letter rules. Language: the Pemda's (Indonesian).
 */
export async function enqueueSlack(tx: EntityManager, eventId: string, type: NotificationType, data: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO notification.deliveries (id, event_id, user_id, channel, recipient, type, language, data, message_id)
     VALUES ($1, $2, $3, 'slack', 'webhook', $4, 'id', $5::jsonb, $6) ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
    [uuidv7(), eventId, SLACK_USER, type, JSON.stringify(data), messageIdOf(eventId, SLACK_USER)],
  );
}

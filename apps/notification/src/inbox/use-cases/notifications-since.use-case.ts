import { Injectable } from '@nestjs/common';
import type { CallerIdentity, NotificationsSince, NotificationsSinceQuery } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { InboxRepository } from '../inbox.repository';

const DEFAULT_LIMIT = 100;

/** The caller's notifications after one they have seen, for the gateway's live-stream replay. */
@Injectable()
export class NotificationsSinceUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  execute(q: NotificationsSinceQuery, caller: CallerIdentity | null): Promise<NotificationsSince> {
    const me = assertPermission(caller, 'notifications.read');
    return this.inbox.since(me.sub, q.afterId, q.limit ?? DEFAULT_LIMIT);
  }
}

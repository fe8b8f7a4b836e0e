import { Injectable } from '@nestjs/common';
import type { CallerIdentity, NotificationListQuery, NotificationView, Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { InboxRepository } from '../inbox.repository';

/** The caller's own notifications, newest first; `unread` keeps the unread ones. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  execute(q: NotificationListQuery, caller: CallerIdentity | null): Promise<Page<NotificationView>> {
    const me = assertPermission(caller, 'notifications.read');
    return this.inbox.list(me.sub, q);
  }
}

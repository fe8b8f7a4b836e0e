import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type NotificationIdRequest, type NotificationView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { InboxRepository } from '../inbox.repository';

/** Marks one of the caller's notifications read (idempotent); someone else's is 404, not 403. */
@Injectable()
export class MarkReadUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  async execute(dto: NotificationIdRequest, caller: CallerIdentity | null): Promise<NotificationView> {
    const me = assertPermission(caller, 'notifications.read');
    const view = await this.inbox.markRead(me.sub, dto.id);
    if (!view) throw notFound('Notification');
    return view;
  }
}

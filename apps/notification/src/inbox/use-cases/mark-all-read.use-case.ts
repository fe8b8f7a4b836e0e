import { Injectable } from '@nestjs/common';
import type { CallerIdentity, ReadAllResult } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { InboxRepository } from '../inbox.repository';

@Injectable()
export class MarkAllReadUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  async execute(caller: CallerIdentity | null): Promise<ReadAllResult> {
    const me = assertPermission(caller, 'notifications.read');
    return { updated: await this.inbox.markAllRead(me.sub) };
  }
}

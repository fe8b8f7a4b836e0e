import { Injectable } from '@nestjs/common';
import type { CallerIdentity, DeadLetterListQuery, DeadLetterView, Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { DeliveriesRepository } from '../deliveries.repository';

/** Deliveries that gave up, newest first (super_admin). */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  execute(q: DeadLetterListQuery, caller: CallerIdentity | null): Promise<Page<DeadLetterView>> {
    assertPermission(caller, 'notifications.dead_letters');
    return this.deliveries.deadLetters(q);
  }
}

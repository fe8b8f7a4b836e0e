import { Injectable } from '@nestjs/common';
import { CORE_EVENTS, INTEGRATION_EVENTS, type SakipEventEnvelope } from '@sakip/contracts';
import { OnEvent } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { NotifyOnEvent } from './notify-on-event';

/** One durable per filter (NATS 2.9 has no multi-subject filters); reaction-rules.ts decides who hears what. */
@Injectable()
export class ReactionsConsumer {
  constructor(private readonly notify: NotifyOnEvent) {}

  @OnEvent('evt.core.achievement.*.v1', { durable: 'achievement-notices' })
  achievement(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    return this.notify.handle(event, tx);
  }

  @OnEvent(CORE_EVENTS.evaluationPublished, { durable: 'evaluation-notices' })
  evaluation(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    return this.notify.handle(event, tx);
  }

  @OnEvent('evt.report.report.*.v1', { durable: 'report-notices' })
  report(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    return this.notify.handle(event, tx);
  }

  @OnEvent(INTEGRATION_EVENTS.syncFailed, { durable: 'sync-notices' })
  sync(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    return this.notify.handle(event, tx);
  }
}

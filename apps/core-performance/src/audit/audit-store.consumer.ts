import { Injectable } from '@nestjs/common';
import type { AuditRecordedV1, SakipEventEnvelope } from '@sakip/contracts';
import { OnEvent } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { AuditStoreRepository } from './audit-store.repository';

/** `evt.<service>.audit.recorded.v1`: every subject the filter below matches carries AuditRecordedV1. */
const AUDIT_SUBJECT = /^evt\.[a-z]+\.audit\.recorded\.v1$/;

/**
 * Keeps the searchable copy of every service's audit rows, core's own included (they arrive
 * through the same stream). Runs in the inbox transaction: a redelivered event is skipped there,
 * and a second event for the same audit id is skipped by the store's key.
 */
@Injectable()
export class AuditStoreConsumer {
  constructor(private readonly store: AuditStoreRepository) {}

  @OnEvent('evt.*.audit.recorded.v1', { durable: 'audit-store' })
  async recorded(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    if (!AUDIT_SUBJECT.test(event.subject)) return;
    // The envelope's producer was checked against the subject's owner when it was decoded: it names the service.
    await this.store.insert(tx, event.producer as AuditRecordedV1['service'], event.data as AuditRecordedV1);
  }
}

import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FileLinksChangedV1, type SakipEventEnvelope } from '@sakip/contracts';
import { OnEvent } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { FileLinksRepository } from './file-links.repository';

/** `evt.<service>.file_links.changed.v1`: every subject the filter below matches carries FileLinksChangedV1. */
const LINKS_SUBJECT = /^evt\.[a-z]+\.file_links\.changed\.v1$/;

/**
 * Keeps `file_links` from every service's complete link sets (one durable, one wildcard filter).
 * Runs in the inbox transaction: a redelivery is skipped there, and a late older set is ignored.
 */
@Injectable()
export class FileLinksConsumer {
  constructor(private readonly links: FileLinksRepository) {}

  @OnEvent('evt.*.file_links.changed.v1', { durable: 'file-links' })
  async changed(event: SakipEventEnvelope, tx: EntityManager): Promise<void> {
    if (!LINKS_SUBJECT.test(event.subject)) return;
    const data = plainToInstance(FileLinksChangedV1, event.data);
    // Decoding already validated catalogue payloads; this guards the wildcard against a payload of another shape.
    if (validateSync(data).length) throw new Error(`malformed ${event.subject} payload`);
    await this.links.applySet(tx, event.producer, data, event.occurredAt);
  }
}

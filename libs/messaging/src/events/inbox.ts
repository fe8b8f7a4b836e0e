import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable } from './event-tables.sql';
import { DELETE_CHUNK, deleteInChunks } from './sql-results';

/**
 * Records that `consumer` handles `eventId`, inside the handler's transaction. False when it was
 * already handled (a redelivery): the caller skips the handler and acks. A concurrent duplicate
 * blocks on the key until the first transaction ends, then finds it taken.
 */
export async function claimInbox(tx: EntityManager, schema: string, consumer: string, eventId: string, subject: string): Promise<boolean> {
  const rows = (await tx.query(
    `INSERT INTO ${qualifiedTable(schema, 'inbox')} (consumer, event_id, subject) VALUES ($1, $2, $3)
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
    [consumer, eventId, subject],
  )) as unknown[];
  return rows.length === 1;
}

/** Deletes inbox rows older than the retention. */
export function pruneInbox(ds: DataSource, schema: string, retentionMs: number): Promise<number> {
  const table = qualifiedTable(schema, 'inbox');
  return deleteInChunks(
    ds,
    `DELETE FROM ${table} WHERE (consumer, event_id) IN (
       SELECT consumer, event_id FROM ${table} WHERE handled_at < now() - $1::bigint * interval '1 millisecond' LIMIT ${DELETE_CHUNK})`,
    [retentionMs],
  );
}

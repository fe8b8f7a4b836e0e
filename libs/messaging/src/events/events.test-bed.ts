import { createLogger, Metrics } from '@sakip/observability';
import { createServiceDataSource } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ensureEventStreams, type EventStreamNames } from './event-streams';
import { eventTablesMigrationSql } from './event-tables.sql';

export const TEST_SCHEMA = 'evt_test';

/**
 * What the event-path integration tests share: a fresh database with the outbox/inbox tables in a
 * scratch schema (made by the same helper services use in their migrations), a NATS connection,
 * and EVENTS/DLQ streams under this run's prefix (deleted by teardown).
 */
export interface EventTestBed {
  stack: TestStack;
  ds: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  prefix: string;
  streams: EventStreamNames;
  metrics: Metrics;
  logger: ReturnType<typeof createLogger>;
  /** Publishes an envelope straight to EVENTS, as a producer's relay would. */
  publishRaw(subject: string, envelope: unknown, msgId?: string): Promise<void>;
  close(): Promise<void>;
}

export async function createEventTestBed(): Promise<EventTestBed> {
  const stack = await createTestStack();
  const ds = createServiceDataSource({ url: stack.db.adminUrl, schema: TEST_SCHEMA, entities: [], migrations: [], poolSize: 8 });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA ${TEST_SCHEMA}`);
  for (const sql of eventTablesMigrationSql(TEST_SCHEMA)) await ds.query(sql);
  await ds.query(`CREATE TABLE ${TEST_SCHEMA}.side_effects (event_id uuid NOT NULL, note text NOT NULL)`);
  const nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
  const jsm = await nc.jetstreamManager();
  const prefix = stack.env['NATS_PREFIX'] ?? '';
  const streams = await ensureEventStreams(jsm, prefix, { duplicateWindowMs: 60_000 });
  const js = nc.jetstream();
  const codec = JSONCodec<unknown>();
  return {
    stack,
    ds,
    nc,
    js,
    jsm,
    prefix,
    streams,
    metrics: new Metrics('test', false),
    logger: createLogger('test', process.env['TEST_LOG_LEVEL'] ?? 'silent'),
    publishRaw: async (subject, envelope, msgId = randomUUID()) => {
      await js.publish(prefix + subject, codec.encode(envelope), { msgID: msgId });
    },
    close: async () => {
      await nc.close();
      await ds.destroy();
      await stack.teardown();
    },
  };
}

/** A per-subject counter's value (0 when never incremented). */
export async function counterValue(counter: Metrics['eventsPublished'], subject: string): Promise<number> {
  const { values } = await counter.get();
  return values.find((v) => v.labels.subject === subject)?.value ?? 0;
}

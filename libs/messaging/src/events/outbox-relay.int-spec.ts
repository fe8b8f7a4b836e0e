import { AUTH_EVENTS, Role, type EventEnvelope } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { eventually, readStream } from '@sakip/testing';
import type { PubAck } from 'nats';
import type { EntityManager } from 'typeorm';
import { counterValue, createEventTestBed, TEST_SCHEMA, type EventTestBed } from './events.test-bed';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

const SUBJECT = AUTH_EVENTS.userCreated;
const user = (n: number) => ({ userId: uuidv7(), email: `u${n}@relay.test`, name: `User ${n}`, role: Role.Viewer, opdId: null, isActive: true, version: 1 });

/** The outbox relay against real PostgreSQL and JetStream (ARCHITECTURE.md "Events": producer side). */
describe('OutboxRelay (integration)', () => {
  let bed: EventTestBed;
  const outbox = new OutboxWriter(TEST_SCHEMA);
  const relays: OutboxRelay[] = [];

  const options = (over: Partial<OutboxRelayOptions> = {}): OutboxRelayOptions => ({
    ds: bed.ds,
    js: bed.js,
    prefix: bed.prefix,
    schema: TEST_SCHEMA,
    producer: 'auth',
    stream: bed.streams.events,
    logger: bed.logger,
    metrics: bed.metrics,
    settings: { pollIntervalMs: 50, retryBaseMs: 20, retryMaxMs: 100 },
    ...over,
  });
  const relay = <R extends OutboxRelay>(r: R): R => (relays.push(r), r);
  const enqueue = (data = user(0)) => bed.ds.transaction((tx) => outbox.enqueue(tx, SUBJECT, data));
  const pending = async () => (await bed.ds.query(`SELECT id, attempts, last_error FROM ${TEST_SCHEMA}.outbox WHERE published_at IS NULL ORDER BY seq`)) as Array<{ id: string; attempts: number; last_error: string | null }>;
  const stored = () => readStream(bed.jsm, bed.streams.events);
  const storedIds = async () => (await stored()).map((m) => (m.data as EventEnvelope).id);

  beforeAll(async () => {
    bed = await createEventTestBed();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await bed.jsm.streams.purge(bed.streams.events);
    await bed.ds.query(`DELETE FROM ${TEST_SCHEMA}.outbox`);
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('loses nothing when the process dies between commit and publish: the next relay publishes the row exactly once', async () => {
    // The "crash": the change and its event committed, and no relay ran (or its publish failed).
    class PublishFails extends OutboxRelay {
      protected override publish(): Promise<PubAck> {
        return Promise.reject(new Error('connection lost'));
      }
    }
    const id = await enqueue();
    await expect(relay(new PublishFails(options())).relayOnce()).rejects.toThrow(/connection lost/);
    expect(await pending()).toEqual([{ id, attempts: 1, last_error: 'connection lost' }]);
    expect(await stored()).toHaveLength(0);

    relay(new OutboxRelay(options())).start();

    await eventually(async () => (await pending()).length === 0, { what: 'the row to be marked sent' });
    const messages = await stored();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toBe(bed.prefix + SUBJECT);
    expect(messages[0]?.headers?.get('Nats-Msg-Id')).toBe(id);
    expect(messages[0]?.data).toMatchObject({ id, subject: SUBJECT, producer: 'auth', data: { email: 'u0@relay.test' } });
  });

  it('stores a row published twice only once (relay crashed after publish, before marking it sent)', async () => {
    class CrashBeforeMarking extends OutboxRelay {
      protected override markSent(): Promise<void> {
        return Promise.reject(new Error('process killed'));
      }
    }
    const id = await enqueue();
    await expect(relay(new CrashBeforeMarking(options())).relayOnce()).rejects.toThrow(/process killed/);
    expect((await pending()).map((r) => r.id)).toEqual([id]); // the marking rolled back
    expect(await storedIds()).toEqual([id]); // but the publish happened

    const before = await counterValue(bed.metrics.eventsPublished, SUBJECT);
    expect(await relay(new OutboxRelay(options())).relayOnce()).toBe(1);

    expect(await pending()).toEqual([]);
    expect(await storedIds()).toEqual([id]); // Nats-Msg-Id dedupe: still one message
    expect(await counterValue(bed.metrics.eventsPublished, SUBJECT)).toBe(before); // a duplicate is not a new publication
  });

  it('publishes in commit order and never twice when several replicas relay at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await enqueue(user(i)));
    const replicas = [1, 2, 3].map(() => relay(new OutboxRelay(options({ settings: { pollIntervalMs: 20, batchSize: 7 } }))));
    replicas.forEach((r) => r.start());

    await eventually(async () => (await pending()).length === 0, { timeoutMs: 10_000, what: 'every row to be relayed' });
    expect(await storedIds()).toEqual(ids);
  });

  it('wakes at once after a local commit instead of waiting for the next poll', async () => {
    relay(new OutboxRelay(options({ settings: { pollIntervalMs: 60_000 } }))).start();
    await new Promise((r) => setTimeout(r, 100)); // let the first (empty) round finish and go to sleep
    const started = Date.now();
    const id = await enqueue();

    await eventually(async () => (await storedIds()).includes(id), { timeoutMs: 3000, what: 'the kicked publish' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    relay(new OutboxRelay(options())).start();
    await expect(
      bed.ds.transaction(async (tx) => {
        await outbox.enqueue(tx, SUBJECT, user(1));
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow(/refused/);
    const committed = await enqueue(user(2));

    await eventually(async () => (await pending()).length === 0);
    expect(await storedIds()).toEqual([committed]);
  });

  it('retries a failing publish with back-off, keeping later rows behind it', async () => {
    let failuresLeft = 2;
    class FlakyBroker extends OutboxRelay {
      protected override publish(envelope: EventEnvelope): Promise<PubAck> {
        if (failuresLeft-- > 0) return Promise.reject(new Error('no responders'));
        return super.publish(envelope);
      }
    }
    const first = await enqueue(user(1));
    const second = await enqueue(user(2));
    relay(new FlakyBroker(options())).start();

    await eventually(async () => (await pending()).length === 0, { what: 'the retried rows' });
    expect(await storedIds()).toEqual([first, second]);
    const [row] = (await bed.ds.query(`SELECT attempts, last_error FROM ${TEST_SCHEMA}.outbox WHERE id = $1`, [first])) as Array<{ attempts: number; last_error: string }>;
    expect(row).toEqual({ attempts: 2, last_error: 'no responders' });
  });

  it('counts events_published_total per subject', async () => {
    const before = await counterValue(bed.metrics.eventsPublished, SUBJECT);
    await enqueue(user(1));
    await enqueue(user(2));
    await relay(new OutboxRelay(options())).relayOnce();
    expect(await counterValue(bed.metrics.eventsPublished, SUBJECT)).toBe(before + 2);
  });

  it('prunes sent rows older than the retention, never pending or recent ones', async () => {
    const [old, recent, waiting] = [await enqueue(user(1)), await enqueue(user(2)), await enqueue(user(3))];
    await bed.ds.query(`UPDATE ${TEST_SCHEMA}.outbox SET published_at = now() - interval '2 hours' WHERE id = $1`, [old]);
    await bed.ds.query(`UPDATE ${TEST_SCHEMA}.outbox SET published_at = now() WHERE id = $1`, [recent]);

    const deleted = await new OutboxRelay(options({ settings: { retentionMs: 3_600_000 } })).prune();

    expect(deleted).toBe(1);
    const left = ((await bed.ds.query(`SELECT id FROM ${TEST_SCHEMA}.outbox ORDER BY seq`)) as Array<{ id: string }>).map((r) => r.id);
    expect(left).toEqual([recent, waiting]);
  });

  it('refuses to enqueue outside a transaction or with a payload its class rejects', async () => {
    await expect(outbox.enqueue(bed.ds.manager, SUBJECT, user(1))).rejects.toThrow(/inside the transaction/);
    await expect(
      bed.ds.transaction((tx: EntityManager) => outbox.enqueue(tx, SUBJECT, { ...user(1), email: 'not-an-email' })),
    ).rejects.toThrow(/refusing to enqueue an invalid evt.auth.user.created.v1.*email/);
    expect(await pending()).toEqual([]);
  });
});

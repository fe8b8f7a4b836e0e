import { AUTH_EVENTS, CORE_EVENTS, Role, UserCreatedV1, type SakipEventEnvelope } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { eventually, readStream } from '@sakip/testing';
import type { JsMsg } from 'nats';
import type { EntityManager } from 'typeorm';
import { DLQ_HEADERS } from './dead-letter';
import { EventConsumer, type EventConsumerOptions, type EventHandlerFn } from './event-consumer';
import { pruneInbox } from './inbox';
import { counterValue, createEventTestBed, TEST_SCHEMA, type EventTestBed } from './events.test-bed';

const SUBJECT = AUTH_EVENTS.userCreated;
const userData = () => ({ userId: uuidv7(), email: 'u@consumer.test', name: 'U', role: Role.Viewer, opdId: null, isActive: true, version: 1 });
const envelope = (data: unknown = userData(), subject: string = SUBJECT, producer = 'auth') => ({ id: uuidv7(), subject, occurredAt: new Date().toISOString(), producer, data });

/** Durable JetStream consumers with inbox dedupe and DLQ (ARCHITECTURE.md "Events": consumer side). */
describe('EventConsumer (integration)', () => {
  let bed: EventTestBed;
  const consumers: EventConsumer[] = [];
  let purposes = 0;

  /** A consumer with test-speed settings; each gets its own durable so tests never share deliveries. */
  const options = (handler: EventHandlerFn, over: Partial<EventConsumerOptions> = {}): EventConsumerOptions => ({
    ds: bed.ds,
    js: bed.js,
    jsm: bed.jsm,
    prefix: bed.prefix,
    schema: TEST_SCHEMA,
    service: 'test',
    purpose: `p${++purposes}`,
    filter: 'evt.auth.user.*.v1',
    handler,
    streams: bed.streams,
    logger: bed.logger,
    metrics: bed.metrics,
    settings: { maxDeliver: 3, ackWaitMs: 1000, retryBaseMs: 20, retryMaxMs: 100, deliverPolicy: 'new' },
    ...over,
  });
  const start = async <C extends EventConsumer>(c: C): Promise<C> => {
    consumers.push(c);
    await c.start();
    return c;
  };
  /** A handler whose side effect is a row written through the handler's transaction. */
  const recording = (calls: SakipEventEnvelope[], before?: (n: number) => Promise<void> | void): EventHandlerFn => async (event, tx: EntityManager) => {
    calls.push(event);
    await before?.(calls.length);
    await tx.query(`INSERT INTO ${TEST_SCHEMA}.side_effects (event_id, note) VALUES ($1, 'handled')`, [event.id]);
  };
  const sideEffects = async (eventId: string) => Number(((await bed.ds.query(`SELECT count(*) AS n FROM ${TEST_SCHEMA}.side_effects WHERE event_id = $1`, [eventId])) as Array<{ n: string }>)[0]?.n);
  const inboxed = async (c: EventConsumer, eventId: string) => ((await bed.ds.query(`SELECT 1 FROM ${TEST_SCHEMA}.inbox WHERE consumer = $1 AND event_id = $2`, [c.key, eventId])) as unknown[]).length;
  const pendingOf = async (c: EventConsumer) => {
    const info = await bed.jsm.consumers.info(bed.streams.events, c.durable);
    return info.num_pending + info.num_ack_pending;
  };
  const deadLetters = async () => readStream(bed.jsm, bed.streams.dlq);

  beforeAll(async () => {
    bed = await createEventTestBed();
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('hands the handler a validated event and records it in the inbox in the same commit, then acks', async () => {
    const calls: SakipEventEnvelope[] = [];
    const c = await start(new EventConsumer(options(recording(calls))));
    const env = envelope();
    await bed.publishRaw(SUBJECT, env);

    await eventually(async () => (await sideEffects(env.id)) === 1 && (await pendingOf(c)) === 0, { what: 'the event to be handled and acked' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: env.id, subject: SUBJECT, producer: 'auth' });
    expect(calls[0]?.data).toBeInstanceOf(UserCreatedV1);
    expect(await inboxed(c, env.id)).toBe(1);
  });

  it('handles a redelivered event once: the ack after a successful handler was lost', async () => {
    const calls: SakipEventEnvelope[] = [];
    const deliveries: number[] = [];
    class LosesFirstAck extends EventConsumer {
      protected override ack(m: JsMsg): void {
        deliveries.push(m.info.redeliveryCount);
        if (deliveries.length > 1) super.ack(m); // the first ack never reaches the server
      }
    }
    const c = await start(new LosesFirstAck(options(recording(calls))));
    const env = envelope();
    await bed.publishRaw(SUBJECT, env);

    // ack_wait is 1 s: the server redelivers, the inbox says "done", the redelivery is only acked.
    await eventually(async () => deliveries.length === 2 && (await pendingOf(c)) === 0, { timeoutMs: 5000, what: 'the redelivery to be acked' });
    expect(deliveries).toEqual([1, 2]);
    expect(calls).toHaveLength(1);
    expect(await sideEffects(env.id)).toBe(1);
  });

  it('skips the same event published twice past the broker dedupe (same event id, another message)', async () => {
    const calls: SakipEventEnvelope[] = [];
    const c = await start(new EventConsumer(options(recording(calls))));
    const env = envelope();
    await bed.publishRaw(SUBJECT, env, 'first-publish');
    await bed.publishRaw(SUBJECT, env, 'republished-after-the-window');

    await eventually(async () => (await pendingOf(c)) === 0 && calls.length === 1, { what: 'both copies to be acked' });
    expect(await sideEffects(env.id)).toBe(1);
  });

  it('retries a failing handler with a delay and succeeds without a dead letter', async () => {
    const calls: SakipEventEnvelope[] = [];
    const c = await start(
      new EventConsumer(
        options(
          recording(calls, (n) => {
            if (n === 1) throw new Error('database busy');
          }),
        ),
      ),
    );
    const env = envelope();
    await bed.publishRaw(SUBJECT, env);

    await eventually(async () => (await sideEffects(env.id)) === 1 && (await pendingOf(c)) === 0, { what: 'the retried event' });
    expect(calls).toHaveLength(2); // the failed attempt rolled back its inbox row and side effect
    expect((await deadLetters()).filter((m) => (m.data as { id: string }).id === env.id)).toHaveLength(0);
  });

  it('moves a poisoned event to DLQ.<subject> after max_deliver attempts, terminates it and counts it', async () => {
    let attempts = 0;
    const c = await start(
      new EventConsumer(
        options(async () => {
          attempts++;
          throw new Error('cannot handle\r\nthis one');
        }),
      ),
    );
    const before = await counterValue(bed.metrics.eventsDeadLettered, SUBJECT);
    const env = envelope();
    await bed.publishRaw(SUBJECT, env);

    const letter = await eventually(async () => (await deadLetters()).find((m) => (m.data as { id: string }).id === env.id), { what: 'the dead letter' });
    expect(attempts).toBe(3);
    expect(letter.subject).toBe(`${bed.prefix}DLQ.${SUBJECT}`);
    expect(letter.data).toEqual(env); // the original body, unchanged
    expect(letter.headers?.get(DLQ_HEADERS.reason)).toBe('handler_failed');
    expect(letter.headers?.get(DLQ_HEADERS.error)).toBe('cannot handle this one');
    expect(letter.headers?.get(DLQ_HEADERS.originalSubject)).toBe(SUBJECT);
    expect(letter.headers?.get(DLQ_HEADERS.consumer)).toBe(c.key);
    expect(letter.headers?.get(DLQ_HEADERS.deliveries)).toBe('3');
    expect(letter.headers?.get(DLQ_HEADERS.eventId)).toBe(env.id);
    await eventually(async () => (await pendingOf(c)) === 0, { what: 'the poisoned message to be terminated' });
    expect(await counterValue(bed.metrics.eventsDeadLettered, SUBJECT)).toBe(before + 1);
    expect(await inboxed(c, env.id)).toBe(0);
    expect(attempts).toBe(3); // terminated (nothing pending or unacked above): never delivered again
  });

  it.each([
    ['a payload its class refuses', () => envelope({ ...userData(), role: 'king' })],
    ['a body that is not JSON', () => '{"id":'],
    ['an envelope from the wrong producer', () => envelope(userData(), SUBJECT, 'core')],
  ])('sends %s to the DLQ at once, without calling the handler', async (_what, body) => {
    let calls = 0;
    const c = await start(
      new EventConsumer(
        options(async () => {
          calls++;
        }),
      ),
    );
    const before = await counterValue(bed.metrics.eventsDeadLettered, SUBJECT);
    const msgId = uuidv7();
    const raw = body();
    if (typeof raw === 'string') await bed.js.publish(bed.prefix + SUBJECT, new TextEncoder().encode(raw), { msgID: msgId });
    else await bed.publishRaw(SUBJECT, raw, msgId);

    const letter = await eventually(
      async () => (await deadLetters()).find((m) => m.headers?.get(DLQ_HEADERS.consumer) === c.key),
      { what: 'the dead letter' },
    );
    expect(letter.headers?.get(DLQ_HEADERS.reason)).toBe('invalid_payload');
    expect(letter.headers?.get(DLQ_HEADERS.deliveries)).toBe('1');
    expect(calls).toBe(0);
    expect(await counterValue(bed.metrics.eventsDeadLettered, SUBJECT)).toBe(before + 1);
    await eventually(async () => (await pendingOf(c)) === 0);
  });

  it('receives only its filter: one filter_subject, wildcards allowed', async () => {
    const calls: SakipEventEnvelope[] = [];
    await start(new EventConsumer(options(recording(calls))));
    const other = envelope({ indicatorId: uuidv7() }, CORE_EVENTS.indicatorChanged, 'core');
    const mine = envelope();
    await bed.publishRaw(CORE_EVENTS.indicatorChanged, other);
    await bed.publishRaw(SUBJECT, mine);

    await eventually(async () => calls.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.map((e) => e.id)).toEqual([mine.id]);
  });

  it('refuses a filter that matches nothing in the catalogue', () => {
    expect(() => new EventConsumer(options(async () => undefined, { filter: 'evt.auth.usr.*.v1' }))).toThrow(/matches no event in the catalogue/);
  });

  it('stops cleanly: finishes the message in hand, acks it, then pulls no more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started: string[] = [];
    const c = await start(
      new EventConsumer(
        options(async (event, tx) => {
          started.push(event.id);
          await gate;
          await tx.query(`INSERT INTO ${TEST_SCHEMA}.side_effects (event_id, note) VALUES ($1, 'slow')`, [event.id]);
        }),
      ),
    );
    const first = envelope();
    await bed.publishRaw(SUBJECT, first);
    await eventually(async () => started.length === 1);

    const stopped = c.stop();
    await new Promise((r) => setTimeout(r, 100));
    release();
    await stopped;

    expect(await sideEffects(first.id)).toBe(1);
    // The ack is a message to the server: on a loaded box it may be processed a moment after stop() returns.
    await eventually(async () => (await bed.jsm.consumers.info(bed.streams.events, c.durable)).num_ack_pending === 0, { what: 'the ack to be processed' });
    const later = envelope();
    await bed.publishRaw(SUBJECT, later);
    await new Promise((r) => setTimeout(r, 200));
    expect(started).toEqual([first.id]);
    expect((await bed.jsm.consumers.info(bed.streams.events, c.durable)).num_pending).toBe(1); // left for the next start
  });

  it('prunes inbox rows older than the retention', async () => {
    await bed.ds.query(`INSERT INTO ${TEST_SCHEMA}.inbox (consumer, event_id, subject, handled_at) VALUES ('old', $1, $3, now() - interval '9 days'), ('new', $2, $3, now())`, [
      uuidv7(),
      uuidv7(),
      SUBJECT,
    ]);
    expect(await pruneInbox(bed.ds, TEST_SCHEMA, 8 * 86_400_000)).toBe(1);
    const left = ((await bed.ds.query(`SELECT consumer FROM ${TEST_SCHEMA}.inbox WHERE consumer IN ('old', 'new')`)) as Array<{ consumer: string }>).map((r) => r.consumer);
    expect(left).toEqual(['new']);
  });
});

import { Injectable, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AUTH_EVENTS, Role, type EnvelopeOf } from '@sakip/contracts';
import { ObservabilityModule } from '@sakip/observability';
import { createServiceDataSource, DatabaseModule, uuidv7 } from '@sakip/persistence';
import { eventually, readStream } from '@sakip/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { MessagingModule } from '../messaging.module';
import { durableNameFor } from './event-names';
import { EventsModule } from './events.module';
import { createEventTestBed, TEST_SCHEMA, type EventTestBed } from './events.test-bed';
import { OnEvent } from './on-event.decorator';
import { OutboxWriter } from './outbox-writer';

const outbox = new OutboxWriter(TEST_SCHEMA);

/** A consumer as a service would write one: a provider method with @OnEvent. */
@Injectable()
class UserDirectory {
  readonly seen: string[] = [];
  gate: Promise<void> = Promise.resolve();
  /** Extra work inside the handler's transaction (a handler may emit events of its own). */
  alsoInTx?: (tx: EntityManager) => Promise<unknown>;

  @OnEvent(AUTH_EVENTS.userCreated, { durable: 'user-directory', retryBaseMs: 20 })
  async userCreated(event: EnvelopeOf<typeof AUTH_EVENTS.userCreated>, tx: EntityManager): Promise<void> {
    this.seen.push(event.data.email);
    await this.gate;
    await tx.query(`INSERT INTO ${TEST_SCHEMA}.side_effects (event_id, note) VALUES ($1, $2)`, [event.id, event.data.email]);
    await this.alsoInTx?.(tx);
  }
}

@Module({})
class EventsTestAppModule {
  static forRoot(bed: EventTestBed): DynamicModule {
    return {
      module: EventsTestAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'test', logLevel: 'silent' }),
        MessagingModule.forRoot({ url: bed.stack.env['NATS_URL'] ?? '', name: 'events-test', prefix: bed.prefix, rpcTimeoutMs: 1000 }),
        EventsModule.forRoot({ service: 'auth', schema: TEST_SCHEMA, relay: { pollIntervalMs: 50 } }),
      ],
      providers: [{ provide: DataSource, useValue: bed.ds }, UserDirectory],
      exports: [DataSource],
    };
  }
}

const BED = Symbol('BED');

/** As the services wire it: their own pool from DatabaseModule, registered after MessagingModule. */
@Module({})
class ServiceShapedAppModule {
  static forRoot(bed: EventTestBed): DynamicModule {
    return {
      module: ServiceShapedAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'test', logLevel: 'silent' }),
        MessagingModule.forRoot({ url: bed.stack.env['NATS_URL'] ?? '', name: 'events-test', prefix: bed.prefix, rpcTimeoutMs: 1000 }),
        DatabaseModule.forService(BED, (b: EventTestBed) => createServiceDataSource({ url: b.stack.db.adminUrl, schema: TEST_SCHEMA, entities: [], migrations: [], poolSize: 2 })),
        EventsModule.forRoot({ service: 'auth', schema: TEST_SCHEMA, relay: { pollIntervalMs: 60_000 } }),
      ],
      providers: [{ provide: BED, useValue: bed }],
      exports: [BED],
    };
  }
}

/** EventsModule in a Nest app: @OnEvent discovery, outbox → relay → stream → consumer, shutdown order. */
describe('EventsModule (integration)', () => {
  let bed: EventTestBed;
  let app: INestApplicationContext | undefined;

  const userCreated = (email: string) => ({ userId: uuidv7(), email, name: 'N', role: Role.Viewer, opdId: null, isActive: true, version: 1 });
  const sideEffects = async () => ((await bed.ds.query(`SELECT note FROM ${TEST_SCHEMA}.side_effects ORDER BY note`)) as Array<{ note: string }>).map((r) => r.note);

  beforeAll(async () => {
    bed = await createEventTestBed();
    app = await NestFactory.createApplicationContext(EventsTestAppModule.forRoot(bed), { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await bed?.close();
  });

  it('carries an event from a committed transaction to the @OnEvent handler of its durable', async () => {
    await bed.ds.transaction((tx) => outbox.enqueue(tx, AUTH_EVENTS.userCreated, userCreated('a@module.test')));

    await eventually(async () => (await sideEffects()).includes('a@module.test'), { what: 'the handler to run' });
    expect(app?.get(UserDirectory).seen).toEqual(['a@module.test']);
    const info = await bed.jsm.consumers.info(bed.streams.events, durableNameFor(bed.prefix, 'auth', 'user-directory'));
    expect(info.config.filter_subject).toBe(`${bed.prefix}${AUTH_EVENTS.userCreated}`);
  });

  it('on close, finishes the event in hand and acks it, and publishes what it committed, before NATS drains', async () => {
    const directory = app?.get(UserDirectory);
    if (!directory) throw new Error('app not started');
    let release!: () => void;
    directory.gate = new Promise((r) => (release = r));
    const emitted = uuidv7();
    directory.alsoInTx = (tx) => outbox.enqueue(tx, AUTH_EVENTS.userDeactivated, { userId: emitted, version: 2, deactivatedAt: new Date().toISOString() });
    await bed.ds.transaction((tx) => outbox.enqueue(tx, AUTH_EVENTS.userCreated, userCreated('b@module.test')));
    await eventually(async () => directory.seen.includes('b@module.test'), { what: 'the handler to start' });

    const closing = app?.close();
    app = undefined;
    setTimeout(release, 100);
    await closing;

    expect(await sideEffects()).toContain('b@module.test');
    const info = await bed.jsm.consumers.info(bed.streams.events, durableNameFor(bed.prefix, 'auth', 'user-directory'));
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    // The handler committed during shutdown; the relay, stopped only right before the drain, published it.
    expect(await bed.ds.query(`SELECT id FROM ${TEST_SCHEMA}.outbox WHERE published_at IS NULL`)).toEqual([]);
    const stored = await readStream(bed.jsm, bed.streams.events, bed.prefix + AUTH_EVENTS.userDeactivated);
    expect(stored.map((m) => (m.data as { data: { userId: string } }).data.userId)).toEqual([emitted]);
  });

  it('with the pool from DatabaseModule, the last flush at close still has its database (closed after NATS drains)', async () => {
    const service = await NestFactory.createApplicationContext(ServiceShapedAppModule.forRoot(bed), { logger: false });
    const ds = service.get(DataSource);
    const id = uuidv7();
    // The relay polls once a minute: only the flush at close can publish this row.
    await ds.transaction((tx) => outbox.enqueue(tx, AUTH_EVENTS.userDeactivated, { userId: id, version: 3, deactivatedAt: new Date().toISOString() }));
    await service.close();
    expect(ds.isInitialized).toBe(false);
    const stored = await readStream(bed.jsm, bed.streams.events, bed.prefix + AUTH_EVENTS.userDeactivated);
    expect(stored.map((m) => (m.data as { data: { userId: string } }).data.userId)).toContain(id);
  });
});

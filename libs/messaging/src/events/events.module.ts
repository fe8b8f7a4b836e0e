import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { ServiceName } from '@sakip/contracts';
import { LOGGER, Metrics, type Logger } from '@sakip/observability';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BeforeNatsDrain, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.module';
import { NATS_CONNECTION } from '../nats-connection';
import { EventConsumer, type EventHandlerFn } from './event-consumer';
import { DLQ_STREAM, EVENTS_STREAM, streamNameFor } from './event-names';
import { DEFAULT_CONSUMER_SETTINGS, type ConsumerSettings, type RelaySettings, type StreamSettings } from './event-settings';
import { ensureEventStreams, type EventStreamNames } from './event-streams';
import { pruneInbox } from './inbox';
import { ON_EVENT_METADATA, type OnEventMetadata } from './on-event.decorator';
import { OutboxRelay } from './outbox-relay';

export interface EventsModuleOptions {
  /** The producer name in envelopes and the first part of durable names. */
  service: ServiceName;
  /** The service's schema, holding `outbox` and `inbox` (see eventTablesMigrationSql). */
  schema: string;
  streams?: Partial<StreamSettings>;
  relay?: Partial<RelaySettings>;
  /** Defaults for every @OnEvent consumer of this service; each handler may override. */
  consumers?: Partial<ConsumerSettings>;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

function streamNames(prefix: string): EventStreamNames {
  return { events: streamNameFor(prefix, EVENTS_STREAM), dlq: streamNameFor(prefix, DLQ_STREAM) };
}

/**
 * Brings the event path up and down with the app: streams ensured before anything starts, the
 * relay and the @OnEvent consumers started once the app is wired, consumers stopped before the
 * RPC server closes, and the relay's last flush before NATS drains (BeforeNatsDrain).
 */
@Injectable()
export class EventsLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly o: EventsModuleOptions,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly relay: OutboxRelay,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    beforeDrain: BeforeNatsDrain,
  ) {
    beforeDrain.register(() => this.relay.stop());
    beforeDrain.register(() => this.stopConsumers());
  }

  async onModuleInit(): Promise<void> {
    await ensureEventStreams(this.jsm, this.messaging.prefix, this.o.streams);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    for (const c of this.discoverConsumers()) this.consumers.push(c);
    await Promise.all(this.consumers.map((c) => c.start()));
    if (this.consumers.length) {
      const { inboxRetentionMs, pruneIntervalMs } = { ...DEFAULT_CONSUMER_SETTINGS, ...this.o.consumers };
      const prune = () =>
        pruneInbox(this.ds, this.o.schema, inboxRetentionMs).catch((err: unknown) => this.logger.warn({ err }, 'inbox prune failed'));
      this.pruneTimer = setInterval(() => void prune(), pruneIntervalMs);
      this.pruneTimer.unref();
      void prune();
    }
  }

  /** Consumers finish what they hold before the RPC server closes; the relay keeps running until NATS drains. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stopConsumers();
  }

  private async stopConsumers(): Promise<void> {
    clearInterval(this.pruneTimer);
    await Promise.all(this.consumers.map((c) => c.stop()));
  }

  private discoverConsumers(): EventConsumer[] {
    const found: EventConsumer[] = [];
    const durables = new Set<string>();
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const target = instance as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const fn = target[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT_METADATA, fn);
        if (!meta) continue;
        if (durables.has(meta.durable)) throw new Error(`two @OnEvent handlers use durable "${meta.durable}": one handler per durable`);
        durables.add(meta.durable);
        const { durable, filter, ...overrides } = meta;
        found.push(
          new EventConsumer({
            ds: this.ds,
            js: this.js,
            jsm: this.jsm,
            prefix: this.messaging.prefix,
            schema: this.o.schema,
            service: this.o.service,
            purpose: durable,
            filter,
            handler: (fn as EventHandlerFn).bind(instance),
            streams: streamNames(this.messaging.prefix),
            logger: this.logger,
            metrics: this.metrics,
            settings: { ...this.o.consumers, ...overrides },
          }),
        );
      }
    }
    return found;
  }
}

/**
 * The JetStream event path of one service (ARCHITECTURE.md "Events"): streams, outbox relay,
 * @OnEvent consumers. Needs MessagingModule (the connection) and a TypeORM DataSource provider.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(o: EventsModuleOptions): DynamicModule {
    return {
      module: EventsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: EVENTS_OPTIONS, useValue: o },
        { provide: JETSTREAM, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => nc.jetstream() },
        { provide: JETSTREAM_MANAGER, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => nc.jetstreamManager() },
        {
          provide: OutboxRelay,
          inject: [MESSAGING_OPTIONS, JETSTREAM, DataSource, LOGGER, Metrics],
          useFactory: (m: MessagingOptions, js: JetStreamClient, ds: DataSource, logger: Logger, metrics: Metrics) =>
            new OutboxRelay({ ds, js, prefix: m.prefix, schema: o.schema, producer: o.service, stream: streamNames(m.prefix).events, logger, metrics, settings: o.relay }),
        },
        EventsLifecycle,
      ],
      exports: [OutboxRelay, JETSTREAM, JETSTREAM_MANAGER],
    };
  }
}

import { Global, Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseCloser } from '@sakip/persistence';
import { LOGGER, Metrics, type Logger, type ReadinessCheck } from '@sakip/observability';
import type { NatsConnection } from 'nats';
import { connectNats, NATS_CONNECTION, type NatsConnectOptions } from './nats-connection';
import { RpcClient, type BreakerSettings } from './rpc-client';

export interface MessagingOptions extends NatsConnectOptions {
  prefix: string;
  rpcTimeoutMs: number;
  breaker?: Partial<BreakerSettings>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
export class NatsReadiness implements ReadinessCheck {
  readonly name = 'nats';
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}
  async check() {
    if (this.nc.isClosed()) throw new Error('connection closed');
    await this.nc.flush();
  }
}

/**
 * Work that must finish while the connection is still open (the outbox relay's last flush,
 * JetStream consumers). Run by ConnectionCloser right before it drains, whatever order Nest
 * calls the modules' shutdown hooks in.
 */
@Injectable()
export class BeforeNatsDrain {
  private readonly hooks: Array<() => Promise<void>> = [];

  register(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }

  async run(): Promise<void> {
    await Promise.allSettled(this.hooks.splice(0).map((hook) => hook()));
  }
}

/**
 * Owns the connection: drained last, after the RPC server stopped taking requests. In a service
 * with a database it also closes the pool, after the work before the drain (the outbox relay's
 * last flush) is done with it.
 */
@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly rpc: RpcClient,
    private readonly beforeDrain: BeforeNatsDrain,
    @Optional() private readonly database?: DatabaseCloser,
  ) {
    database?.handOver();
  }
  async onApplicationShutdown() {
    try {
      await this.beforeDrain.run();
      this.rpc.shutdown();
      if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
    } finally {
      await this.database?.close();
    }
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(o: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: o },
        { provide: NATS_CONNECTION, useFactory: () => connectNats(o) },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION, LOGGER, Metrics],
          useFactory: (nc: NatsConnection, logger: Logger, metrics: Metrics) =>
            new RpcClient({ connection: nc, prefix: o.prefix, defaultTimeoutMs: o.rpcTimeoutMs, logger, metrics, breaker: o.breaker }),
        },
        NatsReadiness,
        BeforeNatsDrain,
        ConnectionCloser,
      ],
      exports: [NATS_CONNECTION, RpcClient, NatsReadiness, MESSAGING_OPTIONS, BeforeNatsDrain],
    };
  }
}

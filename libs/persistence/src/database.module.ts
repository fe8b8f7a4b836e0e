import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Who closes the pool at shutdown. By default DatabaseReadiness, in its onApplicationShutdown; but
 * Nest runs the global modules' shutdown hooks in reverse registration order, so a component that
 * must still write while it shuts down (the outbox relay's last flush, run as NATS drains) takes
 * the job over and closes the pool itself afterwards, whatever the module order.
 */
@Injectable()
export class DatabaseCloser {
  private handedOver = false;
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** The caller promises to call close() once it no longer needs the database. */
  handOver(): void {
    this.handedOver = true;
  }

  async closeUnlessHandedOver(): Promise<void> {
    if (!this.handedOver) await this.close();
  }

  async close(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** Readiness of the service's database (a `ReadinessCheck` of libs/observability); closes the pool last. */
@Injectable()
export class DatabaseReadiness implements OnApplicationShutdown {
  readonly name = 'database';
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly closer: DatabaseCloser,
  ) {}
  check() {
    return this.ds.query('SELECT 1');
  }
  async onApplicationShutdown() {
    await this.closer.closeUnlessHandedOver();
  }
}

/**
 * The service's initialized DataSource (built from its config by `create`) and its readiness
 * check, global to the app. Every service with a schema imports one.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forService<C>(configToken: symbol, create: (config: C) => DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, inject: [configToken], useFactory: (config: C) => create(config).initialize() }, DatabaseCloser, DatabaseReadiness],
      exports: [DataSource, DatabaseReadiness, DatabaseCloser],
    };
  }
}

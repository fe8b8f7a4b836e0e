import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Readiness of the service's database (a `ReadinessCheck` of libs/observability); closes the pool last. */
@Injectable()
export class DatabaseReadiness implements OnApplicationShutdown {
  readonly name = 'database';
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}
  check() {
    return this.ds.query('SELECT 1');
  }
  async onApplicationShutdown() {
    if (this.ds.isInitialized) await this.ds.destroy();
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
      providers: [{ provide: DataSource, inject: [configToken], useFactory: (config: C) => create(config).initialize() }, DatabaseReadiness],
      exports: [DataSource, DatabaseReadiness],
    };
  }
}

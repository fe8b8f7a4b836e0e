import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController, Lifecycle, READINESS_CHECKS } from './health';
import { createLogger } from './logger';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

export const LOGGER = Symbol('LOGGER');

export interface ObservabilityOptions {
  service: string;
  logLevel?: string;
  /** Providers that resolve to ReadinessCheck, injected by token. */
  readinessCheckTokens?: Array<string | symbol | (new (...args: never[]) => unknown)>;
}

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(o: ObservabilityOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: LOGGER, useValue: createLogger(o.service, o.logLevel) },
      { provide: Metrics, useValue: new Metrics(o.service) },
      Lifecycle,
      {
        provide: READINESS_CHECKS,
        useFactory: (...checks: unknown[]) => checks,
        inject: o.readinessCheckTokens ?? [],
      },
    ];
    return {
      module: ObservabilityModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [LOGGER, Metrics, Lifecycle],
    };
  }
}

import { Controller, Get, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Public, RawResponse } from './route-metadata';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or times out) otherwise. */
  check(): Promise<unknown>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Flipped by graceful shutdown: readiness answers 503 while in-flight work finishes. */
@Injectable()
export class Lifecycle {
  shuttingDown = false;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
  ]);
}

@Controller('health')
@Public()
@RawResponse()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly lifecycle: Lifecycle,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.lifecycle.shuttingDown) throw new ServiceUnavailableException({ status: 'shutting_down' });
    return this.health.check(
      this.checks.map((c) => async (): Promise<HealthIndicatorResult> => {
        const probe = this.indicator.check(c.name);
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS);
          return probe.up();
        } catch (err) {
          return probe.down({ message: (err as Error).message });
        }
      }),
    );
  }
}

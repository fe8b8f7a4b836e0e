import { Injectable } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import type { UpstreamError } from './upstream-client';

export type UpstreamBreaker = CircuitBreaker<[() => Promise<unknown>], unknown>;

/**
 * One circuit breaker per integration on this replica: after half of at least 5 calls in the
 * window failed, calls fail at once for 30 s, then one trial call decides. A refused request
 * (4xx other than 429) is the caller's problem, not the upstream's health, and does not count.
 */
@Injectable()
export class Breakers {
  private readonly byIntegration = new Map<string, UpstreamBreaker>();

  for(integrationId: string): UpstreamBreaker {
    let breaker = this.byIntegration.get(integrationId);
    if (!breaker) {
      breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        resetTimeout: 30_000,
        rollingCountTimeout: 60_000,
        errorFilter: (err: UpstreamError) => err?.status !== undefined && err.status < 500 && err.status !== 429,
      });
      this.byIntegration.set(integrationId, breaker);
    }
    return breaker;
  }

  state(integrationId: string): 'closed' | 'open' | 'half_open' {
    const b = this.byIntegration.get(integrationId);
    if (!b) return 'closed';
    return b.opened ? 'open' : b.halfOpen ? 'half_open' : 'closed';
  }

  forget(integrationId: string): void {
    this.byIntegration.get(integrationId)?.shutdown();
    this.byIntegration.delete(integrationId);
  }
}

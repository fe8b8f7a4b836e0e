import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per app instance (not prom-client's global), so several services booted in one
 * process by the tests do not collide on metric names.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly rpcDuration: Histogram<'subject' | 'outcome' | 'side'>;
  readonly eventsPublished: Counter<'subject'>;
  readonly eventsDeadLettered: Counter<'subject'>;
  readonly breakerState: Gauge<'downstream'>;

  constructor(service: string, withDefaults = true) {
    this.registry.setDefaultLabels({ service });
    if (withDefaults) collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'rpc_duration_seconds',
      help: 'NATS request/reply duration; side=client|server',
      labelNames: ['subject', 'outcome', 'side'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({ name: 'events_published_total', help: 'Events published to JetStream', labelNames: ['subject'], registers: [this.registry] });
    this.eventsDeadLettered = new Counter({ name: 'events_dead_lettered_total', help: 'Events moved to the DLQ', labelNames: ['subject'], registers: [this.registry] });
    this.breakerState = new Gauge({ name: 'circuit_breaker_state', help: 'Breaker per downstream: 0 closed, 1 half-open, 2 open', labelNames: ['downstream'], registers: [this.registry] });
  }
}

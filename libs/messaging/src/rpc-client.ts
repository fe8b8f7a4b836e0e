import { DomainError, ErrorCode, HEADER_IDENTITY, HEADER_REQUEST_ID, type CallerIdentity, type RpcReply } from '@sakip/contracts';
import { currentRequestContext, type Logger, type Metrics } from '@sakip/observability';
import CircuitBreaker from 'opossum';
import { ErrorCode as NatsErrorCode, JSONCodec, headers as natsHeaders, type NatsConnection, type NatsError } from 'nats';
import { randomUUID } from 'node:crypto';

const codec = JSONCodec<unknown>();

export interface RpcClientOptions {
  connection: NatsConnection;
  prefix: string;
  defaultTimeoutMs: number;
  logger: Logger;
  metrics?: Metrics;
  breaker?: Partial<BreakerSettings>;
}

export interface BreakerSettings {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Minimum calls in the window before the percentage counts. */
  volumeThreshold: number;
  /** How long an open breaker rejects before letting a probe through. */
  resetTimeout: number;
  rollingCountTimeout: number;
}

const DEFAULT_BREAKER: BreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  resetTimeout: 5000,
  rollingCountTimeout: 10_000,
};

export interface RpcCallOptions {
  identity?: CallerIdentity | null;
  timeoutMs?: number;
  requestId?: string;
}

type Send = (subject: string, payload: Uint8Array, timeout: number, h: ReturnType<typeof natsHeaders>) => Promise<RpcReply<unknown>>;

/**
 * The one way to call another service: per-call timeout, request id and caller identity in NATS
 * headers, a circuit breaker per downstream service, and every failure turned into a DomainError
 * with the envelope's code (no responders / open breaker → 503, timeout → 504).
 */
export class RpcClient {
  private readonly breakers = new Map<string, CircuitBreaker<Parameters<Send>, RpcReply<unknown>>>();
  private readonly settings: BreakerSettings;

  constructor(private readonly o: RpcClientOptions) {
    this.settings = { ...DEFAULT_BREAKER, ...o.breaker };
  }

  async request<T>(subject: string, payload: unknown, opts: RpcCallOptions = {}): Promise<T> {
    const downstream = subject.split('.')[0];
    const h = natsHeaders();
    h.set(HEADER_REQUEST_ID, opts.requestId ?? currentRequestContext()?.requestId ?? randomUUID());
    if (opts.identity) h.set(HEADER_IDENTITY, JSON.stringify(opts.identity));
    const started = performance.now();
    let outcome = 'ok';
    try {
      const reply = await this.breaker(downstream).fire(subject, codec.encode(payload ?? {}), opts.timeoutMs ?? this.o.defaultTimeoutMs, h);
      if (!reply.ok) {
        outcome = reply.error.code;
        throw DomainError.fromBody(reply.error);
      }
      return reply.data as T;
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const mapped = this.mapTransportError(err as NatsError & { code?: string }, downstream);
      outcome = mapped.code;
      throw mapped;
    } finally {
      this.o.metrics?.rpcDuration.observe({ subject, outcome, side: 'client' }, (performance.now() - started) / 1000);
    }
  }

  /** Breaker states for /health and tests. */
  breakerStates(): Record<string, 'closed' | 'open' | 'halfOpen'> {
    const out: Record<string, 'closed' | 'open' | 'halfOpen'> = {};
    for (const [name, b] of this.breakers) out[name] = b.opened ? 'open' : b.halfOpen ? 'halfOpen' : 'closed';
    return out;
  }

  shutdown(): void {
    for (const b of this.breakers.values()) b.shutdown();
    this.breakers.clear();
  }

  private breaker(downstream: string) {
    let b = this.breakers.get(downstream);
    if (b) return b;
    const send: Send = async (subject, payload, timeout, h) => {
      const msg = await this.o.connection.request(this.o.prefix + subject, payload, { timeout, headers: h, noMux: false });
      return codec.decode(msg.data) as RpcReply<unknown>;
    };
    // The NATS request carries its own timeout; opossum only counts failures and short-circuits.
    b = new CircuitBreaker(send, { ...this.settings, timeout: false, name: downstream });
    const gauge = this.o.metrics?.breakerState;
    b.on('open', () => {
      gauge?.set({ downstream }, 2);
      this.o.logger.warn({ downstream }, 'circuit breaker opened');
    });
    b.on('halfOpen', () => gauge?.set({ downstream }, 1));
    b.on('close', () => {
      gauge?.set({ downstream }, 0);
      this.o.logger.info({ downstream }, 'circuit breaker closed');
    });
    this.breakers.set(downstream, b);
    return b;
  }

  private mapTransportError(err: NatsError & { code?: string }, downstream: string): DomainError {
    if (err?.code === 'EOPENBREAKER') {
      return new DomainError(ErrorCode.UpstreamUnavailable, `The ${downstream} service is unavailable`);
    }
    if (err?.code === NatsErrorCode.NoResponders || err?.code === NatsErrorCode.Disconnect || err?.code === NatsErrorCode.ConnectionClosed) {
      return new DomainError(ErrorCode.UpstreamUnavailable, `The ${downstream} service is unavailable`);
    }
    if (err?.code === NatsErrorCode.Timeout) {
      return new DomainError(ErrorCode.UpstreamTimeout, `The ${downstream} service did not answer in time`);
    }
    this.o.logger.error({ err, downstream }, 'rpc transport failure');
    return new DomainError(ErrorCode.UpstreamUnavailable, `The ${downstream} service is unavailable`);
  }
}

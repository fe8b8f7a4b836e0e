import { type CustomTransportStrategy, NatsContext, Server } from '@nestjs/microservices';
import { HEADER_REQUEST_ID, type RpcReply } from '@sakip/contracts';
import { runWithRequestContext, type Logger, type Metrics } from '@sakip/observability';
import { JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import { lastValueFrom } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { toErrorBody } from './rpc-errors';

const codec = JSONCodec<unknown>();

export interface NatsRpcServerOptions {
  connection: NatsConnection;
  /** Queue group: the service name, so replicas share requests instead of each answering. */
  queue: string;
  /** NATS_PREFIX, applied to subjects and the queue group. */
  prefix: string;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * A Nest transport over a shared `nats` connection. Compared with the stock NATS transport it
 * prefixes subjects (test isolation), always joins a queue group, looks handlers up by exact
 * subject (no throw per message), replies with the `{ok, data|error}` frame, and tracks in-flight
 * messages so shutdown can finish them.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly o: NatsRpcServerOptions) {
    super();
  }

  listen(callback: () => void): void {
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) continue; // events arrive through JetStream consumers, not core NATS
      const sub = this.o.connection.subscribe(this.o.prefix + pattern, {
        queue: this.o.prefix + this.o.queue,
        callback: (err, msg) => {
          if (err) return this.o.logger.error({ err, subject: pattern }, 'subscription error');
          const p = this.handle(pattern, msg).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        },
      });
      this.subscriptions.push(sub);
    }
    callback();
  }

  /** Stops taking requests, then waits for the ones being handled (NATS drain semantics). */
  async close(): Promise<void> {
    for (const sub of this.subscriptions.splice(0)) sub.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }

  on(): void {
    /* no status events: the connection is owned by MessagingModule */
  }

  unwrap<T>(): T {
    return this.o.connection as T;
  }

  private async handle(pattern: string, msg: Msg): Promise<void> {
    const started = performance.now();
    const requestId = msg.headers?.get(HEADER_REQUEST_ID) || randomUUID();
    let reply: RpcReply<unknown>;
    await runWithRequestContext({ requestId }, async () => {
      try {
        const handler = this.messageHandlers.get(pattern);
        if (!handler) throw new Error(`no handler for ${pattern}`);
        const data = msg.data.length ? codec.decode(msg.data) : {};
        const result = await handler(data, new NatsContext([msg.subject, msg.headers as never]));
        const value = await lastValueFrom(this.transformToObservable(result), { defaultValue: null });
        reply = { ok: true, data: value ?? null };
      } catch (err) {
        const { body, unexpected } = toErrorBody(err);
        if (unexpected) this.o.logger.error({ err, subject: pattern }, 'rpc handler failed');
        reply = { ok: false, error: body };
      }
      this.o.metrics?.rpcDuration.observe({ subject: pattern, outcome: reply.ok ? 'ok' : reply.error.code, side: 'server' }, (performance.now() - started) / 1000);
      if (msg.reply) msg.respond(codec.encode(reply));
    });
  }
}

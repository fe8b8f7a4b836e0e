import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, GATEWAY_PUSH_SUBJECTS, NOTIFICATION_SUBJECTS, type CallerIdentity, type NotificationPushBatch, type NotificationsSince, type NotificationView } from '@sakip/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, type MessagingOptions } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { RevocationCheck } from '../identity/revocation.check';
import type { PushConnection } from './push-connection';

/** A client gone longer than this many notifications reloads its list instead of replaying. */
const MAX_REPLAY_PAGES = 10;
const codec = JSONCodec<NotificationPushBatch>();

interface Holder {
  identity: CallerIdentity;
  connections: Set<PushConnection>;
}

/**
 * The live clients of this replica. Every replica subscribes to the push subject without a queue
 * group, so each hears every notification and delivers it to the clients it holds: two replicas,
 * each client served once.
 */
@Injectable()
export class PushHub implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly users = new Map<string, Holder>();
  private subscription: Subscription | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly rpc: RpcClient,
    private readonly revocations: RevocationCheck,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nc.subscribe(this.messaging.prefix + GATEWAY_PUSH_SUBJECTS.notification, {
      callback: (err, msg) => {
        if (err) return this.logger.warn({ err: err.message }, 'push subscription error');
        this.fanOut(msg.data);
      },
    });
    this.heartbeat = setInterval(() => void this.beat(), this.config.PUSH_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Open streams keep the HTTP server from closing: end them first (clients reconnect elsewhere). */
  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    this.subscription?.unsubscribe();
    for (const holder of this.users.values()) for (const c of holder.connections) c.close();
    this.users.clear();
  }

  get connectionCount(): number {
    let n = 0;
    for (const holder of this.users.values()) n += holder.connections.size;
    return n;
  }

  /** Throws 429 when this user already holds the most connections a replica allows. */
  assertRoom(userId: string): void {
    const open = this.users.get(userId)?.connections.size ?? 0;
    if (open >= this.config.PUSH_MAX_CONNECTIONS_PER_USER) {
      throw new DomainError(ErrorCode.RateLimited, `At most ${this.config.PUSH_MAX_CONNECTIONS_PER_USER} live connections per user`, [], { 'Retry-After': '5' });
    }
  }

  /** Registers the client, then replays what it missed after `lastEventId` (held live messages follow, once). */
  async attach(identity: CallerIdentity, connection: PushConnection, lastEventId: string | undefined, requestId: string): Promise<void> {
    const holder = this.users.get(identity.sub) ?? { identity, connections: new Set<PushConnection>() };
    holder.connections.add(connection);
    this.users.set(identity.sub, holder);
    if (!lastEventId) return;
    connection.beginReplay();
    connection.endReplay(await this.missedSince(identity, lastEventId, requestId));
  }

  detach(connection: PushConnection): void {
    const holder = this.users.get(connection.userId);
    if (!holder) return;
    holder.connections.delete(connection);
    if (!holder.connections.size) this.users.delete(connection.userId);
  }

  private async missedSince(identity: CallerIdentity, afterId: string, requestId: string): Promise<NotificationView[]> {
    const missed: NotificationView[] = [];
    try {
      for (let page = 0; page < MAX_REPLAY_PAGES; page++) {
        const since = await this.rpc.request<NotificationsSince>(NOTIFICATION_SUBJECTS.inboxSince, { afterId: missed.at(-1)?.id ?? afterId }, { identity, requestId });
        missed.push(...since.items);
        if (!since.hasMore) break;
      }
    } catch (err) {
      // The stream still goes live; what was missed stays in GET /notifications.
      this.logger.warn({ err: (err as Error).message, userId: identity.sub }, 'push replay failed');
    }
    return missed;
  }

  private fanOut(data: Uint8Array): void {
    let batch: NotificationPushBatch;
    try {
      batch = codec.decode(data);
    } catch {
      return this.logger.warn('malformed push batch ignored');
    }
    for (const item of batch.items ?? []) {
      const holder = this.users.get(item.userId);
      if (!holder) continue;
      for (const c of holder.connections) c.deliver(item.message);
    }
  }

  /** Pings every client and closes the streams of users revoked since they connected. */
  private async beat(): Promise<void> {
    for (const [userId, holder] of this.users) {
      for (const c of holder.connections) c.heartbeat();
      try {
        await this.revocations.assertNotRevoked(holder.identity);
      } catch {
        for (const c of holder.connections) c.close();
        this.users.delete(userId);
      }
    }
  }
}

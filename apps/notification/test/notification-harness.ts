import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_EVENTS, type CallerIdentity, type Role } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { uuidv7, withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { NotificationAppModule } from '../src/app.module';
import { DeliveryWorker } from '../src/mail/delivery-worker';
import { loadNotificationConfig } from '../src/notification.config';

export interface DirectoryUser {
  id: string;
  email: string;
  role: Role;
  opdId: string | null;
  caller: CallerIdentity;
}

/** The notification service booted in-process on its own database and NATS prefix. */
export interface NotificationHarness {
  stack: TestStack;
  app: NestFastifyApplication;
  rpc: RpcClient;
  /** A plain client connection (to listen for what the service publishes). */
  nc: NatsConnection;
  worker: DeliveryWorker;
  sql<T = any>(q: string, params?: unknown[]): Promise<T[]>;
  call<T>(subject: string, payload: unknown, identity: CallerIdentity | null): Promise<T>;
  /** Publishes an event on JetStream as another service's outbox relay would; returns its id. */
  publishEvent(subject: string, producer: string, data: unknown, id?: string): Promise<string>;
  /** Adds a user to the directory the way auth would (evt.auth.user.created.v1) and waits until it is there. */
  addUser(role: Role, opdId?: string | null, email?: string): Promise<DirectoryUser>;
  /** Polls `check` until it returns a truthy value (default 10 s). */
  until<T>(check: () => Promise<T>, what: string, timeoutMs?: number): Promise<NonNullable<T>>;
  close(): Promise<void>;
}

export async function startNotification(extraEnv: NodeJS.ProcessEnv = {}): Promise<NotificationHarness> {
  const stack = await createTestStack(extraEnv);
  // The mail loop is off by default: tests drive the worker with runOnce() for determinism.
  const config = loadNotificationConfig({ ...stack.env, HTTP_PORT: '0', NOTIFICATION_MAIL_POLL_MS: '0', NOTIFICATION_SMTP_TIMEOUT_MS: '2000', ...extraEnv });
  const app = await createServiceApp(NotificationAppModule.forRoot(config), { service: 'notification', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  const nc: NatsConnection = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
  const prefix = stack.env['NATS_PREFIX']!;
  const rpc = new RpcClient({ connection: nc, prefix, defaultTimeoutMs: 5000, logger: createLogger('test', 'silent') });
  const js = nc.jetstream();
  const codec = JSONCodec();
  const sql = <T>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  const until = async <T>(check: () => Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v as NonNullable<T>;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const publishEvent = async (subject: string, producer: string, data: unknown, id = uuidv7()) => {
    await js.publish(prefix + subject, codec.encode({ id, subject, occurredAt: new Date().toISOString(), producer, data }), { msgID: id });
    return id;
  };
  return {
    stack,
    app,
    rpc,
    nc,
    worker: app.get(DeliveryWorker),
    sql,
    call: (subject, payload, identity) => rpc.request(subject, payload, { identity }),
    publishEvent,
    until,
    async addUser(role, opdId = null, email) {
      const id = randomUUID();
      const address = email ?? `${role}.${id.slice(0, 8)}@pemda.test`;
      await publishEvent(AUTH_EVENTS.userCreated, 'auth', { userId: id, email: address, name: `User ${id.slice(0, 4)}`, role, opdId, isActive: true, version: 1 });
      await until(async () => (await sql(`SELECT 1 FROM notification.user_directory WHERE user_id = $1`, [id])).length, `user ${id} in the directory`);
      return { id, email: address, role, opdId, caller: { sub: id, role, opdId, actor: `user:${id}`, ip: '203.0.113.9' } };
    },
    async close() {
      rpc.shutdown();
      await nc.close();
      await app.close();
      await stack.teardown();
    },
  };
}

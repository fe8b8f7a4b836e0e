import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CallerIdentity } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { uuidv7, withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAppModule } from '../src/app.module';
import { loadFileConfig } from '../src/file.config';

/**
 * The file service booted in-process on its own database, NATS prefix and storage directory,
 * called over RPC as the gateway calls it, and over its internal HTTP API with the grants.
 */
export interface FileHarness {
  stack: TestStack;
  app: NestFastifyApplication;
  rpc: RpcClient;
  nc: NatsConnection;
  /** http://127.0.0.1:<port> of the service's HTTP server. */
  baseUrl: string;
  storageDir: string;
  sql<T = any>(q: string, params?: unknown[]): Promise<T[]>;
  call<T>(subject: string, payload: unknown, identity: CallerIdentity | null): Promise<T>;
  /** Publishes an event on JetStream as another service's outbox relay would. */
  publishEvent(subject: string, producer: string, data: unknown, occurredAt?: string): Promise<string>;
  /** Every stored object and leftover spool file (relative paths). */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startFile(extraEnv: NodeJS.ProcessEnv = {}): Promise<FileHarness> {
  const stack = await createTestStack(extraEnv);
  const storageDir = await mkdtemp(join(tmpdir(), 'sakip-file-'));
  const config = loadFileConfig({ ...stack.env, HTTP_PORT: '0', FILE_LOCAL_DIR: storageDir, FILE_CLEANUP_INTERVAL_MS: '0', ...extraEnv });
  const app = await createServiceApp(FileAppModule.forRoot(config), { service: 'file', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
  const prefix = stack.env['NATS_PREFIX']!;
  const rpc = new RpcClient({ connection: nc, prefix, defaultTimeoutMs: 5000, logger: createLogger('test', 'silent') });
  const js = nc.jetstream();
  const codec = JSONCodec();
  return {
    stack,
    app,
    rpc,
    nc,
    baseUrl: `http://127.0.0.1:${port}`,
    storageDir,
    sql: (q, params = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows),
    call: (subject, payload, identity) => rpc.request(subject, payload, { identity }),
    async publishEvent(subject, producer, data, occurredAt = new Date().toISOString()) {
      const id = uuidv7();
      await js.publish(prefix + subject, codec.encode({ id, subject, occurredAt, producer, data }), { msgID: id });
      return id;
    },
    async storedFiles() {
      const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(storageDir.length + 1)).sort();
    },
    async close() {
      rpc.shutdown();
      await nc.close();
      await app.close();
      await stack.teardown();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FILE_SUBJECTS, type CallerIdentity, type FileCheckRequest } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { CoreAppModule } from '../src/app.module';
import { loadCoreConfig } from '../src/core.config';

/**
 * core-performance booted in-process on its own database and NATS prefix, called over RPC exactly
 * as the gateway calls it. One per test file (beforeAll/afterAll).
 */
export interface CoreHarness {
  stack: TestStack;
  app: NestFastifyApplication;
  rpc: RpcClient;
  nc: NatsConnection;
  /** Runs SQL as the database owner (assertions and fixtures that bypass the API). */
  sql<T = any>(q: string, params?: unknown[]): Promise<T[]>;
  /** An RPC as `identity`; rejects with the DomainError the service answered. */
  call<T>(subject: string, payload: unknown, identity: CallerIdentity | null): Promise<T>;
  /**
   * The file service, stood in for on NATS: ids added here exist and are visible to everyone;
   * `file.check.v1` reports every other id missing.
   */
  files: Set<string>;
  close(): Promise<void>;
}

export async function startCore(extraEnv: NodeJS.ProcessEnv = {}): Promise<CoreHarness> {
  const stack = await createTestStack(extraEnv);
  const config = loadCoreConfig({ ...stack.env, HTTP_PORT: '0' });
  const app = await createServiceApp(CoreAppModule.forRoot(config), { service: 'core', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  const nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
  const rpc = new RpcClient({ connection: nc, prefix: stack.env['NATS_PREFIX']!, defaultTimeoutMs: 5000, logger: createLogger('test', 'silent') });
  const files = new Set<string>();
  const codec = JSONCodec();
  nc.subscribe(stack.env['NATS_PREFIX']! + FILE_SUBJECTS.check, {
    callback: (_err, msg) => {
      const { ids } = codec.decode(msg.data) as FileCheckRequest;
      msg.respond(codec.encode({ ok: true, data: { missing: ids.filter((id) => !files.has(id.toLowerCase())) } }));
    },
  });
  await nc.flush();
  return {
    files,
    stack,
    app,
    rpc,
    nc,
    sql: (q, params = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows),
    call: (subject, payload, identity) => rpc.request(subject, payload, { identity }),
    async close() {
      rpc.shutdown();
      await nc.close();
      await app.close();
      await stack.teardown();
    },
  };
}

export { apiKeyAs, callerAs, errorCodeOf } from '@sakip/testing';

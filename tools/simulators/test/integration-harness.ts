import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_SUBJECTS, CORE_SUBJECTS, type BudgetUpsertRequest, type BudgetUpsertResult, type OpdHeadUpsertRequest, type ProvisionUserRequest } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { IntegrationAppModule } from '../../../apps/integration-sync/src/app.module';
import { loadIntegrationConfig } from '../../../apps/integration-sync/src/integration.config';
import { SyncScheduler } from '../../../apps/integration-sync/src/runs/sync-scheduler';
import { IntegrationSimulator, simpegRows, sipdRows, type SimulatorData } from '../integration-simulator';

const codec = JSONCodec<any>();

/**
 * Core and auth as integration-sync sees them, on NATS: a budget store keyed like core's (code,
 * year, revision / month) that answers inserted/updated/unknown the way core does, the OPD list,
 * OPD heads and user provisioning.
 */
export class FakeCore {
  readonly knownCodes = new Set<string>();
  readonly allocations = new Map<string, string>();
  readonly realizations = new Map<string, string>();
  readonly budgetCalls: BudgetUpsertRequest[] = [];
  readonly heads = new Map<string, OpdHeadUpsertRequest>();
  readonly provisioned: ProvisionUserRequest[] = [];
  opds: Array<{ opdId: string; code: string; name: string }> = [];
  /** Answer the next N budget calls with 503 (core down). */
  failNext = 0;

  budget(req: BudgetUpsertRequest): BudgetUpsertResult {
    this.budgetCalls.push(req);
    let inserted = 0;
    let updated = 0;
    const unknown = new Set<string>();
    for (const a of req.allocations ?? []) {
      if (!this.knownCodes.has(a.kodeSubGiat)) {
        unknown.add(a.kodeSubGiat);
        continue;
      }
      const key = `${a.kodeSubGiat}|${req.year}|${req.revision}`;
      const before = this.allocations.get(key);
      if (before === undefined) inserted++;
      else if (before !== a.pagu) updated++;
      this.allocations.set(key, a.pagu);
    }
    for (const r of req.realizations ?? []) {
      if (!this.knownCodes.has(r.kodeSubGiat)) {
        unknown.add(r.kodeSubGiat);
        continue;
      }
      const key = `${r.kodeSubGiat}|${req.year}|${r.month}`;
      const before = this.realizations.get(key);
      if (before === undefined) inserted++;
      else if (before !== r.amount) updated++;
      this.realizations.set(key, r.amount);
    }
    return { inserted, updated, unknownCodes: [...unknown], ambiguousCodes: [], lockedRows: [], lockedAllocations: [] };
  }

  async serve(nc: NatsConnection, prefix: string): Promise<void> {
    const ok = (data: unknown) => codec.encode({ ok: true, data });
    nc.subscribe(prefix + CORE_SUBJECTS.budgetUpsert, {
      callback: (_e, m) => {
        if (this.failNext > 0) {
          this.failNext--;
          return m.respond(codec.encode({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'core is down', details: [] } }));
        }
        m.respond(ok(this.budget(codec.decode(m.data))));
      },
    });
    nc.subscribe(prefix + CORE_SUBJECTS.opdList, { callback: (_e, m) => m.respond(ok({ items: this.opds.map((o) => ({ ...o, isActive: true, head: null, version: 1 })), nextCursor: null })) });
    nc.subscribe(prefix + CORE_SUBJECTS.opdHeadUpsert, {
      callback: (_e, m) => {
        const req = codec.decode(m.data) as OpdHeadUpsertRequest;
        const changed = JSON.stringify(this.heads.get(req.opdId)) !== JSON.stringify(req);
        this.heads.set(req.opdId, req);
        m.respond(ok({ opdId: req.opdId, changed }));
      },
    });
    nc.subscribe(prefix + AUTH_SUBJECTS.userProvision, {
      callback: (_e, m) => {
        this.provisioned.push(codec.decode(m.data));
        m.respond(ok({ userId: '00000000-0000-4000-8000-000000000001', created: true, version: 1 }));
      },
    });
    await nc.flush();
  }
}

export interface IntegrationHarness {
  stack: TestStack;
  app: NestFastifyApplication;
  nc: NatsConnection;
  core: FakeCore;
  sim: IntegrationSimulator;
  scheduler: SyncScheduler;
  sql<T = any>(q: string, params?: unknown[]): Promise<T[]>;
  call<T>(subject: string, payload: unknown, identity: import('@sakip/contracts').CallerIdentity | null): Promise<T>;
  until<T>(check: () => Promise<T>, what: string, timeoutMs?: number): Promise<NonNullable<T>>;
  close(): Promise<void>;
}

/** Test data: 30 sub-kegiatan codes for 2025–2026, two OPDs with staff. */
export function simulatorData(): SimulatorData {
  const codes = Array.from({ length: 30 }, (_, i) => ({ code: `1.02.01.2.01.${String(i + 1).padStart(4, '0')}` }));
  const { units, employees } = simpegRows([
    { code: 'OPD-A', name: 'Dinas Kesehatan' },
    { code: 'OPD-B', name: 'Dinas Pendidikan' },
  ]);
  return { sipd: { 2025: sipdRows(codes, 2025), 2026: sipdRows(codes, 2026, 10) }, units, employees };
}

/** integration-sync in-process on its own database and NATS prefix, the simulator, and core/auth faked on NATS. */
export async function startIntegration(extraEnv: NodeJS.ProcessEnv = {}): Promise<IntegrationHarness> {
  const stack = await createTestStack(extraEnv);
  const sim = new IntegrationSimulator(simulatorData());
  await sim.start();
  const config = loadIntegrationConfig({
    ...stack.env,
    HTTP_PORT: '0',
    INTEGRATION_ALLOWED_HOSTS: '127.0.0.1',
    INTEGRATION_SCHEDULER_INTERVAL_MS: '0',
    INTEGRATION_HTTP_TIMEOUT_MS: '500',
    INTEGRATION_HTTP_RETRIES: '3',
    INTEGRATION_HTTP_RETRY_BASE_MS: '20',
    INTEGRATION_JOB_ACK_WAIT_MS: '2000',
    ...extraEnv,
  });
  const nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
  const prefix = stack.env['NATS_PREFIX']!;
  const core = new FakeCore();
  await core.serve(nc, prefix);
  const app = await createServiceApp(IntegrationAppModule.forRoot(config), { service: 'integration', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  const rpc = new RpcClient({ connection: nc, prefix, defaultTimeoutMs: 10_000, logger: createLogger('test', 'silent') });
  const sql = <T>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  return {
    stack,
    app,
    nc,
    core,
    sim,
    scheduler: app.get(SyncScheduler),
    sql,
    call: (subject, payload, identity) => rpc.request(subject, payload, { identity }),
    async until(check, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = await check();
        if (v) return v as NonNullable<typeof v>;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      rpc.shutdown();
      await app.close();
      await nc.close();
      await sim.stop();
      await stack.teardown();
    },
  };
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AUTH_EVENTS,
  AUTH_SUBJECTS,
  ErrorCode,
  Role,
  validateEventData,
  type CallerIdentity,
  type EventEnvelope,
  type UserSnapshotPage,
  type UserView,
} from '@sakip/contracts';
import { createServiceApp, RpcClient, streamNameFor } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, eventually, readStream, type TestStack } from '@sakip/testing';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { AuthAppModule } from '../src/app.module';
import { loadAuthConfig } from '../src/auth.config';

const ADMIN = { email: 'root@events.test', password: 'Integration-Admin-1!' };
const OPD = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** auth's events on JetStream and its snapshot RPC, against real PostgreSQL and NATS. */
describe('auth events (integration)', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let rpc: RpcClient;
  let admin: CallerIdentity;
  let prefix: string;

  const sql = <T = any>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  /** Every event auth stored on EVENTS under `subject`, in order, checked against its payload class. */
  const eventsOn = async <T = any>(subject: string): Promise<Array<EventEnvelope<string, T>>> => {
    const messages = await readStream(jsm, streamNameFor(prefix, 'EVENTS'), prefix + subject);
    return messages.map((m) => {
      const env = m.data as EventEnvelope<string, T>;
      validateEventData(subject as typeof AUTH_EVENTS.userCreated, env.data, 'strict');
      expect(m.headers?.get('Nats-Msg-Id')).toBe(env.id);
      return env;
    });
  };
  const eventsFor = async (subject: string, userId: string) => (await eventsOn(subject)).filter((e) => e.data.userId === userId);
  const createUser = (email: string, over: Record<string, unknown> = {}) =>
    rpc.request<UserView>(AUTH_SUBJECTS.userCreate, { email, name: `Name of ${email}`, password: 'Events-Password-2026', role: 'viewer', ...over }, { identity: admin });

  beforeAll(async () => {
    stack = await createTestStack();
    prefix = stack.env['NATS_PREFIX'] ?? '';
    const config = loadAuthConfig({ ...stack.env, HTTP_PORT: '0', OUTBOX_POLL_MS: '100', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
    app = await createServiceApp(AuthAppModule.forRoot(config), { service: 'auth', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
    nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
    jsm = await nc.jetstreamManager();
    rpc = new RpcClient({ connection: nc, prefix, defaultTimeoutMs: 3000, logger: createLogger('test', 'silent') });
    const [row] = await sql<{ id: string }>(`SELECT id FROM auth.users WHERE email = $1`, [ADMIN.email]);
    admin = { sub: row.id, role: Role.SuperAdmin, opdId: null, actor: `user:${row.id}` };
  });

  afterAll(async () => {
    rpc?.shutdown();
    await nc?.close();
    await app?.close();
    await stack?.teardown();
  });

  it('creates the EVENTS and DLQ streams under the run prefix', async () => {
    const events = await jsm.streams.info(streamNameFor(prefix, 'EVENTS'));
    expect(events.config.subjects).toEqual([`${prefix}evt.>`]);
    expect(events.config.max_age).toBe(7 * 86_400 * 1e9);
    expect(events.config.duplicate_window).toBe(120 * 1e9);
    const dlq = await jsm.streams.info(streamNameFor(prefix, 'DLQ'));
    expect(dlq.config.subjects).toEqual([`${prefix}DLQ.>`]);
    expect(dlq.config.max_age).toBe(30 * 86_400 * 1e9);
  });

  it('emits user.created for the bootstrap admin', async () => {
    const [created] = await eventually(async () => {
      const found = await eventsFor(AUTH_EVENTS.userCreated, admin.sub);
      return found.length > 0 && found;
    });
    expect(created).toMatchObject({
      subject: AUTH_EVENTS.userCreated,
      producer: 'auth',
      data: { userId: admin.sub, email: ADMIN.email, name: 'Super Admin', role: 'super_admin', opdId: null, isActive: true, version: 1 },
    });
  });

  it('emits user.created, user.updated and user.deactivated with the state after each change made over RPC', async () => {
    const user = await createUser('alice@events.test', { role: 'admin_opd', opdId: OPD });
    await rpc.request(AUTH_SUBJECTS.userUpdate, { id: user.id, name: 'Alice Renamed', role: 'evaluator' }, { identity: admin });
    await rpc.request(AUTH_SUBJECTS.userDeactivate, { id: user.id }, { identity: admin });

    const deactivated = await eventually(async () => (await eventsFor(AUTH_EVENTS.userDeactivated, user.id))[0], { what: 'user.deactivated' });
    const [created] = await eventsFor(AUTH_EVENTS.userCreated, user.id);
    const [updated] = await eventsFor(AUTH_EVENTS.userUpdated, user.id);
    expect(created?.data).toEqual({ userId: user.id, email: 'alice@events.test', name: 'Name of alice@events.test', role: 'admin_opd', opdId: OPD, isActive: true, version: 1 });
    // evaluator is Pemda-wide: the OPD was cleared with the role change.
    expect(updated?.data).toEqual({ userId: user.id, email: 'alice@events.test', name: 'Alice Renamed', role: 'evaluator', opdId: null, isActive: true, version: 2, changed: ['name', 'role', 'opdId'] });
    expect(deactivated.data).toEqual({ userId: user.id, version: 3, deactivatedAt: expect.any(String) });
    const [row] = await sql<{ deactivated_at: Date }>(`SELECT deactivated_at FROM auth.users WHERE id = $1`, [user.id]);
    expect(new Date(deactivated.data.deactivatedAt).getTime()).toBe(row.deactivated_at.getTime());
    // Event ids are UUIDv7 and the stream order is the order of the changes.
    const ids = [created, updated, deactivated].map((e) => e?.id ?? '');
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the whole state in user.updated when only one field was sent', async () => {
    const user = await createUser('bob@events.test');
    const view = await rpc.request<UserView>(AUTH_SUBJECTS.userUpdate, { id: user.id, opdId: OPD }, { identity: admin });
    expect(view.name).toBe('Name of bob@events.test');

    const [updated] = await eventually(async () => {
      const found = await eventsFor(AUTH_EVENTS.userUpdated, user.id);
      return found.length > 0 && found;
    });
    expect(updated?.data).toEqual({ userId: user.id, email: 'bob@events.test', name: 'Name of bob@events.test', role: 'viewer', opdId: OPD, isActive: true, version: 2, changed: ['opdId'] });
  });

  it('enqueues nothing for a change that was refused (the event rolls back with it)', async () => {
    const outboxRows = async () => (await sql(`SELECT id FROM auth.outbox WHERE subject = $1`, [AUTH_EVENTS.userCreated])).length;
    const before = await outboxRows();
    await expect(createUser(ADMIN.email)).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await outboxRows()).toBe(before);
  });

  it('emits audit.recorded for every audit row, with the row id and masked values', async () => {
    await rpc.request(AUTH_SUBJECTS.login, { email: ADMIN.email, password: 'wrong-password' }).catch(() => undefined);
    const rows = await sql<{ id: string }>(`SELECT id FROM auth.audit_log ORDER BY id`);
    const audits = await eventually(async () => {
      const seen = await eventsOn<{ auditId: string }>(AUTH_EVENTS.auditRecorded);
      return seen.length >= rows.length && seen;
    }, { what: 'one audit event per audit row' });
    expect(audits.map((e) => e.data.auditId).sort()).toEqual(rows.map((r) => r.id));
    const insert = audits.find((e) => (e.data as any).operation === 'insert' && (e.data as any).newValues?.email === 'alice@events.test');
    expect(insert?.data).toMatchObject({ service: 'auth', table: 'users', actor: admin.actor, newValues: { passwordHash: '[masked]' } });
    const failed = audits.find((e) => (e.data as any).operation === 'login_failed');
    expect(failed?.data).toMatchObject({ actor: 'anonymous', newValues: { email: ADMIN.email } });
  });

  it('relays every outbox row and records it as sent', async () => {
    await eventually(async () => (await sql(`SELECT 1 FROM auth.outbox WHERE published_at IS NULL`)).length === 0, { what: 'an empty outbox' });
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM auth.outbox`);
    const stored = await readStream(jsm, streamNameFor(prefix, 'EVENTS'));
    expect(stored).toHaveLength(Number(n));
  });

  describe('auth.user.list.v1', () => {
    beforeAll(async () => {
      for (const n of [1, 2, 3, 4]) await createUser(`page${n}@events.test`);
    });

    it('pages through every user in id order with an opaque cursor', async () => {
      const all = (await sql<{ id: string }>(`SELECT id FROM auth.users ORDER BY id`)).map((r) => r.id);
      expect(all.length).toBeGreaterThanOrEqual(6);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page: UserSnapshotPage = await rpc.request(AUTH_SUBJECTS.userList, { limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.userId));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 100);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
    });

    it('answers one page with the event-carried state and no secrets', async () => {
      const page = await rpc.request<UserSnapshotPage>(AUTH_SUBJECTS.userList, {});
      const alice = page.items.find((u) => u.email === 'alice@events.test');
      expect(alice).toEqual({
        userId: expect.any(String),
        email: 'alice@events.test',
        name: 'Alice Renamed',
        role: 'evaluator',
        opdId: null,
        isActive: false,
        version: 3,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(page.nextCursor).toBeNull();
    });

    it('refuses a call that carries a user identity: services only', async () => {
      await expect(rpc.request(AUTH_SUBJECTS.userList, {}, { identity: admin })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });

    it.each([
      [{ limit: 1001 }, 'limit'],
      [{ limit: 0 }, 'limit'],
      [{ cursor: 'tampered' }, 'cursor'],
      [{ offset: 10 }, 'offset'],
    ])('refuses %p with VALIDATION_FAILED on %s', async (body, field) => {
      const err = await rpc.request(AUTH_SUBJECTS.userList, body).catch((e: unknown) => e as { code: string; details: Array<{ field: string }> });
      expect(err).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((err as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(field);
    });

    it('accepts the maximum page of 1000', async () => {
      const page = await rpc.request<UserSnapshotPage>(AUTH_SUBJECTS.userList, { limit: 1000 });
      expect(page.nextCursor).toBeNull();
    });
  });
});

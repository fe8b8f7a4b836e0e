import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_SUBJECTS, DomainError, ErrorCode, Role, type CallerIdentity, type JwkSet, type Page, type TokenPair, type UserView } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger, Metrics } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, type NatsConnection } from 'nats';
import { AuthAppModule } from '../src/app.module';
import { loadAuthConfig } from '../src/auth.config';
import { KeyStore } from '../src/keys/key-store.service';

const ADMIN = { email: 'root@int.test', password: 'Integration-Admin-1!' };
/** A user without MFA for repeated logins (TOTP codes are single-use per 30 s step). */
const WORKER = { email: 'worker@int.test', password: 'Evaluasi-Integrasi-2026' };

/** auth against real PostgreSQL and NATS, called over RPC exactly as the gateway does. */
describe('auth over NATS (integration)', () => {
  let stack: TestStack;
  const replicas: NestFastifyApplication[] = [];
  let nc: NatsConnection;
  let rpc: RpcClient;
  let admin: CallerIdentity;

  const boot = async () => {
    const config = loadAuthConfig({ ...stack.env, HTTP_PORT: '0', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
    const app = await createServiceApp(AuthAppModule.forRoot(config), { service: 'auth', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
    replicas.push(app);
    return app;
  };
  const sql = <T = any>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);

  beforeAll(async () => {
    stack = await createTestStack();
    // Two replicas booting together: one bootstrap admin, one signing key, migrations untouched.
    await Promise.all([boot(), boot()]);
    nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
    rpc = new RpcClient({ connection: nc, prefix: stack.env['NATS_PREFIX']!, defaultTimeoutMs: 3000, logger: createLogger('test', 'silent') });
    // super_admin without MFA must enrol first; the identity below is what the gateway would send after that.
    const challenge = await rpc.request<{ mfaSetupRequired?: boolean }>(AUTH_SUBJECTS.login, ADMIN);
    expect(challenge.mfaSetupRequired).toBe(true);
    const [row] = await sql<{ id: string }>(`SELECT id FROM auth.users WHERE email = $1`, [ADMIN.email]);
    admin = { sub: row.id, role: Role.SuperAdmin, opdId: null, actor: `user:${row.id}` };
    await rpc.request(AUTH_SUBJECTS.userCreate, { ...WORKER, name: 'Worker', role: 'evaluator' }, { identity: admin });
  });

  afterAll(async () => {
    rpc?.shutdown();
    await nc?.close();
    await Promise.all(replicas.map((r) => r.close()));
    await stack?.teardown();
  });

  it('creates the bootstrap admin once even when replicas start together', async () => {
    const rows = await sql(`SELECT email, role FROM auth.users`);
    expect(rows.filter((r) => r.role === 'super_admin')).toEqual([{ email: ADMIN.email, role: 'super_admin' }]);
  });

  it('shares one signing key between replicas and stores it encrypted', async () => {
    const keys = await sql<{ kid: string; private_key_enc: string }>(`SELECT kid, private_key_enc FROM auth.signing_keys`);
    expect(keys).toHaveLength(1);
    expect(keys[0].private_key_enc).toMatch(/^v1\./);
    expect(keys[0].private_key_enc).not.toContain('PRIVATE KEY');
    const kids = await Promise.all(replicas.map(async (r) => (await r.get(KeyStore).signingKey()).kid));
    expect(new Set(kids)).toEqual(new Set([keys[0].kid]));
  });

  it('answers each request exactly once across replicas (queue group)', async () => {
    // Each replica's server-side RPC histogram counts what it handled.
    const handled = async () =>
      Promise.all(
        replicas.map(async (r) => {
          const { values } = await r.get(Metrics).rpcDuration.get();
          return values.find((v) => v.metricName === 'rpc_duration_seconds_count' && v.labels['subject'] === AUTH_SUBJECTS.jwks && v.labels['side'] === 'server')?.value ?? 0;
        }),
      );
    const before = await handled();
    await Promise.all(Array.from({ length: 20 }, () => rpc.request<JwkSet>(AUTH_SUBJECTS.jwks, {})));
    const after = await handled();
    const perReplica = after.map((n, i) => n - before[i]);
    // Without a queue group every replica would answer every request (40 in total).
    expect(perReplica.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('keeps a rotated-out key in the key set', async () => {
    const before = await rpc.request<JwkSet>(AUTH_SUBJECTS.jwks, {});
    await replicas[0].get(KeyStore).rotate();
    const after = await rpc.request<JwkSet>(AUTH_SUBJECTS.jwks, {});
    expect(after.keys).toHaveLength(2);
    expect(after.keys.map((k) => k.kid)).toEqual(expect.arrayContaining(before.keys.map((k) => k.kid)));
  });

  it('lets exactly one of two racing refreshes with the same token win, and revokes the family', async () => {
    const pair = await rpc.request<TokenPair>(AUTH_SUBJECTS.login, WORKER);
    const results = await Promise.allSettled([
      rpc.request<TokenPair>(AUTH_SUBJECTS.refresh, { refreshToken: pair.refreshToken }),
      rpc.request<TokenPair>(AUTH_SUBJECTS.refresh, { refreshToken: pair.refreshToken }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<TokenPair>[];
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe(ErrorCode.Unauthenticated);
    // The loser counts as reuse: the winner's new token is dead too.
    await expect(rpc.request(AUTH_SUBJECTS.refresh, { refreshToken: won[0].value.refreshToken })).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const pair = await rpc.request<TokenPair>(AUTH_SUBJECTS.login, WORKER);
    const rows = await sql(`SELECT 1 FROM auth.refresh_tokens WHERE encode(token_hash, 'escape') LIKE $1`, [`%${pair.refreshToken}%`]);
    expect(rows).toHaveLength(0);
  });

  it('re-checks authorization in the service: no identity → UNAUTHENTICATED, wrong role → FORBIDDEN', async () => {
    await expect(rpc.request(AUTH_SUBJECTS.userQuery, {})).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    const viewer: CallerIdentity = { sub: admin.sub, role: Role.Viewer, opdId: null, actor: 'user:x' };
    await expect(rpc.request(AUTH_SUBJECTS.userQuery, {}, { identity: viewer })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });

  it('validates RPC payloads: unknown fields and bad values → VALIDATION_FAILED with details', async () => {
    const err = await rpc.request<never>(AUTH_SUBJECTS.userCreate, { email: 'bad', name: '', password: 'x', role: 'king', sneaky: 1 }, { identity: admin }).catch((e: unknown) => e as DomainError);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe(ErrorCode.ValidationFailed);
    expect(err.details.map((d) => d.field)).toEqual(expect.arrayContaining(['email', 'name', 'password', 'role', 'sneaky']));
  });

  it('hashes passwords with argon2id and treats e-mails case-insensitively', async () => {
    const user = await rpc.request<UserView>(AUTH_SUBJECTS.userCreate, { email: 'Mixed.Case@Int.Test', name: 'Mixed', password: 'Some-Long-Password-1', role: 'evaluator' }, { identity: admin });
    expect(user.email).toBe('mixed.case@int.test');
    const [row] = await sql<{ password_hash: string }>(`SELECT password_hash FROM auth.users WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await expect(
      rpc.request(AUTH_SUBJECTS.userCreate, { email: 'MIXED.case@int.test', name: 'Again', password: 'Some-Long-Password-1', role: 'viewer' }, { identity: admin }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    const login = await rpc.request<TokenPair>(AUTH_SUBJECTS.login, { email: 'MIXED.CASE@int.test', password: 'Some-Long-Password-1' });
    expect(login.user.id).toBe(user.id);
  });

  it('writes append-only audit rows for logins, failed logins and user changes, with secrets masked', async () => {
    await rpc.request(AUTH_SUBJECTS.login, { email: ADMIN.email, password: 'wrong-password' }).catch(() => undefined);
    const page = await rpc.request<Page<UserView>>(AUTH_SUBJECTS.userQuery, { email: 'mixed.case@int.test' }, { identity: admin });
    await rpc.request(AUTH_SUBJECTS.userUpdate, { id: page.items[0].id, name: 'Renamed' }, { identity: admin });
    const ops = (await sql<{ operation: string }>(`SELECT operation FROM auth.audit_log`)).map((r) => r.operation);
    expect(ops).toEqual(expect.arrayContaining(['login', 'login_failed', 'insert', 'update']));
    const [insert] = await sql<{ new_values: Record<string, unknown>; actor: string }>(
      `SELECT new_values, actor FROM auth.audit_log WHERE operation = 'insert' AND row_id = $1`,
      [page.items[0].id],
    );
    expect(insert.actor).toBe(admin.actor);
    expect(insert.new_values['passwordHash']).toBe('[masked]');
    await expect(sql(`DELETE FROM auth.audit_log`)).rejects.toThrow(/append-only/);
  });
});

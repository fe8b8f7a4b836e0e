import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_SUBJECTS, ErrorCode, HEADER_IDENTITY, NOTIFICATION_SUBJECTS, Role, type CallerIdentity, type MailSendRequest, type TokenPair } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { AuthAppModule } from '../src/app.module';
import { loadAuthConfig } from '../src/auth.config';

const ADMIN = { email: 'root@reset.test', password: 'Integration-Admin-1!' };
const USER = { email: 'pegawai@reset.test', password: 'Kinerja-Daerah-2026x', name: 'Pegawai Satu' };
const NEW_PASSWORD = 'Capaian-Baru-Sekali-2026';
const codec = JSONCodec<unknown>();

interface Captured {
  mail: MailSendRequest;
  identity: string | undefined;
}

/** Forgot/reset over RPC, with a fake notification responder on the run's NATS prefix catching the mail. */
describe('password reset (integration)', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let responder: Subscription | undefined;
  const mails: Captured[] = [];
  let waiters: Array<() => void> = [];

  const sql = <T = any>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  const nextMail = async (): Promise<Captured> => {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no mail RPC within 5 s')), 5000);
      waiters.push(() => (clearTimeout(t), resolve()));
    });
    return mails[mails.length - 1]!;
  };
  const startResponder = () => {
    responder = nc.subscribe(stack.env['NATS_PREFIX']! + NOTIFICATION_SUBJECTS.mailSend, {
      callback: (_err, msg) => {
        mails.push({ mail: codec.decode(msg.data) as MailSendRequest, identity: msg.headers?.get(HEADER_IDENTITY) || undefined });
        msg.respond(codec.encode({ ok: true, data: { messageId: 'fake' } }));
        const w = waiters;
        waiters = [];
        w.forEach((f) => f());
      },
    });
  };
  const forgot = (email: string) => rpc.request(AUTH_SUBJECTS.passwordForgot, { email, ip: '10.1.2.3' });
  const reset = (token: string, newPassword = NEW_PASSWORD) => rpc.request(AUTH_SUBJECTS.passwordReset, { token, newPassword, ip: '10.1.2.3' });
  const login = (password: string) => rpc.request<TokenPair>(AUTH_SUBJECTS.login, { email: USER.email, password });
  const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

  beforeAll(async () => {
    stack = await createTestStack();
    const config = loadAuthConfig({ ...stack.env, HTTP_PORT: '0', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
    app = await createServiceApp(AuthAppModule.forRoot(config), { service: 'auth', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
    nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
    rpc = new RpcClient({ connection: nc, prefix: stack.env['NATS_PREFIX']!, defaultTimeoutMs: 3000, logger: createLogger('test', 'silent') });
    const [row] = await sql<{ id: string }>(`SELECT id FROM auth.users WHERE email = $1`, [ADMIN.email]);
    const admin: CallerIdentity = { sub: row.id, role: Role.SuperAdmin, opdId: null, actor: `user:${row.id}` };
    await rpc.request(AUTH_SUBJECTS.userCreate, { ...USER, role: 'viewer' }, { identity: admin });
    startResponder();
  });

  afterAll(async () => {
    responder?.unsubscribe();
    rpc?.shutdown();
    await nc?.close();
    await app?.close();
    await stack?.teardown();
  });

  it('answers null for an unknown e-mail and sends nothing', async () => {
    await expect(forgot('nobody@reset.test')).resolves.toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(mails).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM auth.password_resets`)).toHaveLength(0);
  });

  it('mails a one-time token to a known account by direct RPC, as a service, storing only its hash', async () => {
    const mailed = nextMail();
    await expect(forgot('PEGAWAI@reset.test')).resolves.toBeNull();
    const { mail, identity } = await mailed;
    expect(identity).toBeUndefined();
    expect(mail).toMatchObject({ to: USER.email, template: 'password_reset', variables: { name: USER.name } });
    const token = mail.variables['token']!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await sql<{ id: string; token_hash: Buffer; expires_at: Date; created_at: Date }>(`SELECT id, token_hash, expires_at, created_at FROM auth.password_resets`);
    expect(rows).toHaveLength(1);
    expect(mail.idempotencyKey).toBe(rows[0].id);
    expect(rows[0].token_hash.toString('base64url')).not.toBe(token);
    expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBeGreaterThan(29 * 60_000);
    const audit = await sql<{ operation: string; new_values: unknown }>(`SELECT operation, new_values FROM auth.audit_log WHERE operation = 'password_reset_requested'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(await sql(`SELECT * FROM auth.outbox`))).not.toContain(token);
  });

  it('resets once with the newest token: sessions end, mustChangePassword clears; used, older, expired and tampered tokens → 401', async () => {
    let mailed = nextMail();
    await forgot(USER.email);
    const older = (await mailed).mail.variables['token']!;
    mailed = nextMail();
    await forgot(USER.email);
    const token = (await mailed).mail.variables['token']!;
    const session = await login(USER.password);
    expect(session.refreshToken).toBeDefined();

    expect(await codeOf(reset(older))).toBe(ErrorCode.Unauthenticated);
    expect(await codeOf(reset(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')))).toBe(ErrorCode.Unauthenticated);
    // The policy is checked before the token is spent.
    expect(await codeOf(reset(token, 'qwerty123456'))).toBe(ErrorCode.ValidationFailed);

    await expect(reset(token)).resolves.toBeNull();
    expect(await codeOf(reset(token, 'Another-Fresh-Password-9'))).toBe(ErrorCode.Unauthenticated);
    expect(await codeOf(rpc.request(AUTH_SUBJECTS.refresh, { refreshToken: session.refreshToken }))).toBe(ErrorCode.Unauthenticated);
    expect(await sql(`SELECT id FROM auth.session_families WHERE revoked_at IS NULL`)).toHaveLength(0);
    expect(await codeOf(login(USER.password))).toBe(ErrorCode.Unauthenticated);
    await expect(login(NEW_PASSWORD)).resolves.toMatchObject({ tokenType: 'Bearer' });
    const [user] = await sql<{ must_change_password: boolean }>(`SELECT must_change_password FROM auth.users WHERE email = $1`, [USER.email]);
    expect(user.must_change_password).toBe(false);
    const ops = (await sql<{ operation: string }>(`SELECT operation FROM auth.audit_log WHERE operation LIKE 'password_reset%' ORDER BY id`)).map((r) => r.operation);
    expect(ops).toEqual(['password_reset_requested', 'password_reset_requested', 'password_reset_requested', 'password_reset']);

    mailed = nextMail();
    await forgot(USER.email);
    const expiring = (await mailed).mail.variables['token']!;
    await sql(`UPDATE auth.password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(await codeOf(reset(expiring, 'Yet-Another-Password-77'))).toBe(ErrorCode.Unauthenticated);
  });

  it('still answers when notification is down, and logs no token', async () => {
    responder?.unsubscribe();
    responder = undefined;
    await expect(forgot(USER.email)).resolves.toBeNull();
  });
});

import { NOTIFICATION_SUBJECTS, type MailSendRequest } from '@sakip/contracts';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { E2eStack } from './stack';

const MEMBER = { email: 'lupa@e2e.test', password: 'Evaluasi-Kinerja-2026', name: 'Lupa Sandi' };
const NEW_PASSWORD = 'Kinerja-Daerah-Pulih-2026';
const codec = JSONCodec<unknown>();

/** Forgot/reset through the gateway; notification is stood in for by a responder that catches the mail RPC. */
describe('password reset through the gateway (e2e)', () => {
  let s: E2eStack;
  let nc: NatsConnection;
  const mails: MailSendRequest[] = [];

  beforeAll(async () => {
    s = await E2eStack.start({ RPC_TIMEOUT_MS: '1500' });
    nc = await connect({ servers: s.env['NATS_URL'], noAsyncTraces: true });
    nc.subscribe(s.env['NATS_PREFIX']! + NOTIFICATION_SUBJECTS.mailSend, {
      callback: (_err, msg) => {
        mails.push(codec.decode(msg.data) as MailSendRequest);
        msg.respond(codec.encode({ ok: true, data: { messageId: 'fake' } }));
      },
    });
    await nc.flush();
    const admin = await s.loginAdmin();
    const res = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { ...MEMBER, role: 'viewer' } });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await nc?.close();
    await s?.stop();
  });

  const until = async <T>(check: () => T | undefined): Promise<T> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('answers 204 for known and unknown e-mails alike, without a token; a bad body is 400', async () => {
    const unknown = await s.http('POST', '/api/v1/auth/password/forgot', { body: { email: 'nobody@e2e.test' } });
    const known = await s.http('POST', '/api/v1/auth/password/forgot', { body: { email: MEMBER.email } });
    expect([unknown.status, known.status]).toEqual([204, 204]);
    expect(known.text).toBe('');
    expect((await s.http('POST', '/api/v1/auth/password/forgot', { body: { email: 'not-an-email' } })).status).toBe(400);
    const mail = await until(() => mails.find((m) => m.to === MEMBER.email));
    expect(mail.template).toBe('password_reset');
  });

  it('resets once with the mailed token; the old password and the token then fail with 401', async () => {
    const session = await s.login(MEMBER.email, MEMBER.password);
    const token = (await until(() => mails.filter((m) => m.to === MEMBER.email).at(-1)))!.variables['token']!;
    expect((await s.http('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'qwerty123456' } })).status).toBe(400);
    expect((await s.http('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(204);
    const again = await s.http('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: NEW_PASSWORD } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHENTICATED');
    expect((await s.http('GET', '/api/v1/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await s.http('POST', '/api/v1/auth/login', { body: { email: MEMBER.email, password: MEMBER.password } })).status).toBe(401);
    await expect(s.login(MEMBER.email, NEW_PASSWORD)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });
});

import { EVENTS_STREAM, streamNameFor } from '@sakip/messaging';
import { readStream } from '@sakip/testing';
import { connect } from 'nats';
import { SmtpCatcher } from '../../apps/notification/test/smtp-catcher';
import { E2eStack } from './stack';

const MEMBER = { email: 'surat@e2e.test', password: 'Evaluasi-Kinerja-2026', name: 'Penerima Surat' };
const NEW_PASSWORD = 'Kinerja-Daerah-Pulih-2026';
const RESET_PAGE = 'https://sakip.sukamaju.go.id/atur-ulang';

/** Undoes quoted-printable soft breaks and escapes, enough to read a link out of the raw message. */
const readable = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The whole path of a forgotten password: gateway → auth → notification (direct RPC) → a real SMTP server → the link → reset. */
describe('password reset mail through the real notification service (e2e)', () => {
  let s: E2eStack;
  const smtp = new SmtpCatcher();

  beforeAll(async () => {
    await smtp.start();
    s = await E2eStack.start({}, { auth: { AUTH_RESET_PAGE_URL: RESET_PAGE }, notification: { SMTP_URL: smtp.url, NOTIFICATION_MAIL_POLL_MS: '100' } }, { notification: true });
    const admin = await s.loginAdmin();
    expect((await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { ...MEMBER, role: 'viewer' } })).status).toBe(201);
  });

  afterAll(async () => {
    await s?.stop();
    await smtp.stop();
  });

  it('mails a one-time link to the frontend page; the token in it resets the password once', async () => {
    expect((await s.http('POST', '/api/v1/auth/password/forgot', { body: { email: MEMBER.email } })).status).toBe(204);
    const deadline = Date.now() + 15_000;
    while (!smtp.mails.some((m) => m.to.includes(MEMBER.email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const mail = smtp.mails.find((m) => m.to.includes(MEMBER.email));
    expect(mail).toBeDefined();
    const body = readable(mail!.raw);
    const link = new RegExp(`${RESET_PAGE.replace(/[.]/g, '\\.')}#token=([A-Za-z0-9_%-]+)`).exec(body);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    // No stream holds the token: it went by direct RPC, never as an event.
    const nc = await connect({ servers: s.env['NATS_URL'], noAsyncTraces: true });
    const stored = await readStream(await nc.jetstreamManager(), streamNameFor(s.env['NATS_PREFIX']!, EVENTS_STREAM));
    await nc.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await s.http('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(204);
    expect((await s.http('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(401);
    expect((await s.http('POST', '/api/v1/auth/login', { body: { email: MEMBER.email, password: MEMBER.password } })).status).toBe(401);
    await s.login(MEMBER.email, NEW_PASSWORD);
  });
});

import { authenticator } from 'otplib';
import { E2eStack } from './stack';

/** A code for the next 30 s step (accepted within the ±1 step window), for a second use in one step. */
const nextStepCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

describe('identity: MFA, lockout, passwords, sessions (e2e)', () => {
  let s: E2eStack;
  let admin: { accessToken: string };
  let ipSeq = 0;
  const freshIp = () => `203.0.113.${++ipSeq}`;

  const createUser = async (email: string, password: string, role = 'evaluator', opdId: string | null = null, firstLoginRule = false) => {
    const res = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { email, name: email.split('@')[0], password, role, ...(opdId ? { opdId } : {}) } });
    expect(res.status).toBe(201);
    // Suites not about the first-login password change: as if already changed.
    if (!firstLoginRule) await s.sql(`UPDATE auth.users SET must_change_password = false WHERE id = $1`, [res.body.data.id]);
    return res.body.data as { id: string };
  };
  const login = (email: string, password: string, ip = freshIp()) =>
    s.http('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

  beforeAll(async () => {
    s = await E2eStack.start({ TRUSTED_PROXIES: '127.0.0.1', AUTH_LOCKOUT_IP_MAX: '20' });
    admin = await s.loginAdmin();
  });

  afterAll(async () => {
    await s?.stop();
  });

  describe('MFA', () => {
    it('walks a new super_admin through mandatory enrolment, then asks for a code at every login', async () => {
      await createUser('second-admin@e2e.test', 'Kedua-Admin-Pemda-2026', 'super_admin');
      const first = await login('second-admin@e2e.test', 'Kedua-Admin-Pemda-2026');
      expect(first.body.data).toEqual({ mfaSetupRequired: true, mfaToken: expect.any(String) });
      const { mfaToken } = first.body.data;

      const setup = await s.http('POST', '/api/v1/auth/mfa/setup', { body: { mfaToken } });
      expect(setup.status).toBe(200);
      expect(setup.body.data.otpauthUrl).toMatch(/^otpauth:\/\/totp\/SAKIP:second-admin%40e2e\.test\?secret=/);
      const secret = setup.body.data.secret;

      const wrong = await s.http('POST', '/api/v1/auth/mfa/enable', { body: { mfaToken, code: '000000' } });
      expect(wrong.status).toBe(401);
      const enabled = await s.http('POST', '/api/v1/auth/mfa/enable', { body: { mfaToken, code: authenticator.generate(secret) } });
      expect(enabled.status).toBe(200);
      expect(enabled.body.data.accessToken).toBeDefined();
      expect(enabled.body.data.user.mfaEnabled).toBe(true);

      // The setup token is spent.
      expect((await s.http('POST', '/api/v1/auth/mfa/enable', { body: { mfaToken, code: nextStepCode(secret) } })).status).toBe(401);

      const again = await login('second-admin@e2e.test', 'Kedua-Admin-Pemda-2026');
      expect(again.body.data).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      const verified = await s.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: again.body.data.mfaToken, code: nextStepCode(secret) } });
      expect(verified.status).toBe(200);
      expect(verified.body.data.tokenType).toBe('Bearer');

      // super_admin may not switch MFA off.
      const off = await s.http('POST', '/api/v1/auth/mfa/disable', { token: verified.body.data.accessToken, body: { code: nextStepCode(secret) } });
      expect(off.status).toBe(409);
      expect(off.body.error.code).toBe('INVALID_STATE');
    });

    it('refuses a bad, replayed or foreign code with the same 401 as a wrong password', async () => {
      await createUser('mfa-user@e2e.test', 'Pengukuran-Kinerja-77', 'evaluator');
      const session = (await login('mfa-user@e2e.test', 'Pengukuran-Kinerja-77')).body.data;
      const setup = await s.http('POST', '/api/v1/auth/mfa/setup', { token: session.accessToken, body: {} });
      const secret = setup.body.data.secret;
      const code = authenticator.generate(secret);
      const enabled = await s.http('POST', '/api/v1/auth/mfa/enable', { token: session.accessToken, body: { code } });
      expect(enabled.status).toBe(200);
      expect(enabled.body.data.mfaEnabled).toBe(true);

      const challenge = (await login('mfa-user@e2e.test', 'Pengukuran-Kinerja-77')).body.data;
      const replay = await s.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.mfaToken, code } });
      const bad = await s.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.mfaToken, code: '123456' } });
      const bogusToken = await s.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: 'mfa_never-issued-token-value', code: '123456' } });
      const wrongPassword = await login('mfa-user@e2e.test', 'not-the-right-password');
      for (const r of [replay, bad, bogusToken]) {
        expect(r.status).toBe(401);
        expect(r.body.error.message).toBe(wrongPassword.body.error.message);
      }
      const malformed = await s.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.mfaToken, code: '12ab56' } });
      expect(malformed.status).toBe(400);
    });

    it('lets a non-admin disable MFA with a valid code', async () => {
      await createUser('toggle@e2e.test', 'Evaluasi-Sakelar-2026', 'viewer');
      const session = (await login('toggle@e2e.test', 'Evaluasi-Sakelar-2026')).body.data;
      const secret = (await s.http('POST', '/api/v1/auth/mfa/setup', { token: session.accessToken, body: {} })).body.data.secret;
      await s.http('POST', '/api/v1/auth/mfa/enable', { token: session.accessToken, body: { code: authenticator.generate(secret) } });
      const off = await s.http('POST', '/api/v1/auth/mfa/disable', { token: session.accessToken, body: { code: nextStepCode(secret) } });
      expect(off.status).toBe(200);
      expect(off.body.data.mfaEnabled).toBe(false);
      const direct = await login('toggle@e2e.test', 'Evaluasi-Sakelar-2026');
      expect(direct.body.data.accessToken).toBeDefined();
    });

    it('locks MFA disable after repeated wrong codes', async () => {
      await createUser('guesser@e2e.test', 'Tebak-Kode-Salah-2026', 'viewer');
      const session = (await login('guesser@e2e.test', 'Tebak-Kode-Salah-2026')).body.data;
      const secret = (await s.http('POST', '/api/v1/auth/mfa/setup', { token: session.accessToken, body: {} })).body.data.secret;
      await s.http('POST', '/api/v1/auth/mfa/enable', { token: session.accessToken, body: { code: authenticator.generate(secret) } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await s.http('POST', '/api/v1/auth/mfa/disable', { token: session.accessToken, body: { code: '000000' } })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('refuses mfa/setup without a token or an mfaToken', async () => {
      const res = await s.http('POST', '/api/v1/auth/mfa/setup', { body: {} });
      expect(res.status).toBe(401);
    });
  });

  describe('lockout', () => {
    it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
      await createUser('locked@e2e.test', 'Sasaran-Strategis-2026');
      for (let i = 0; i < 5; i++) expect((await login('locked@e2e.test', 'wrong-password-guess')).status).toBe(401);
      const locked = await login('locked@e2e.test', 'Sasaran-Strategis-2026');
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });

    it('answers an unknown account exactly like a real one', async () => {
      const real: number[] = [];
      const ghost: number[] = [];
      await createUser('real-one@e2e.test', 'Indikator-Kinerja-2026');
      for (let i = 0; i < 6; i++) {
        real.push((await login('real-one@e2e.test', 'wrong-password-guess')).status);
        ghost.push((await login('ghost@e2e.test', 'wrong-password-guess')).status);
      }
      expect(real).toEqual([401, 401, 401, 401, 401, 429]);
      expect(ghost).toEqual(real);
    });

    it('locks a client IP after 20 failures across accounts, leaving other IPs alone', async () => {
      const ip = freshIp();
      for (let i = 0; i < 20; i++) expect((await login(`spray-${i}@e2e.test`, 'Spray-Password-2026', ip)).status).toBe(401);
      await createUser('innocent@e2e.test', 'Rencana-Aksi-2026');
      expect((await login('innocent@e2e.test', 'Rencana-Aksi-2026', ip)).status).toBe(429);
      expect((await login('innocent@e2e.test', 'Rencana-Aksi-2026', freshIp())).status).toBe(200);
    });
  });

  describe('password change and sessions', () => {
    it('changes the password, keeps this session and ends the others', async () => {
      await createUser('changer@e2e.test', 'Realisasi-Anggaran-2026', 'evaluator', null, true);
      const a = (await login('changer@e2e.test', 'Realisasi-Anggaran-2026')).body.data;
      const b = (await login('changer@e2e.test', 'Realisasi-Anggaran-2026')).body.data;
      expect(a.user.mustChangePassword).toBe(true);

      const wrongCurrent = await s.http('POST', '/api/v1/auth/password', { token: a.accessToken, body: { currentPassword: 'nope', newPassword: 'Perjanjian-Kinerja-2027' } });
      expect(wrongCurrent.status).toBe(400);
      const common = await s.http('POST', '/api/v1/auth/password', { token: a.accessToken, body: { currentPassword: 'Realisasi-Anggaran-2026', newPassword: 'qwerty123456' } });
      expect(common.status).toBe(400);
      expect(common.body.error.details).toEqual([{ field: 'newPassword', message: 'password is too common' }]);

      const ok = await s.http('POST', '/api/v1/auth/password', { token: a.accessToken, body: { currentPassword: 'Realisasi-Anggaran-2026', newPassword: 'Perjanjian-Kinerja-2027' } });
      expect(ok.status).toBe(204);
      expect((await s.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: b.refreshToken } })).status).toBe(401);
      // The ended session's access token stops working now, this session's keeps working.
      expect((await s.http('GET', '/api/v1/auth/me', { token: b.accessToken })).status).toBe(401);
      expect((await s.http('GET', '/api/v1/auth/me', { token: a.accessToken })).status).toBe(200);
      const kept = await s.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: a.refreshToken } });
      expect(kept.status).toBe(200);
      expect(kept.body.data.user.mustChangePassword).toBe(false);
      expect((await login('changer@e2e.test', 'Realisasi-Anggaran-2026')).status).toBe(401);
      expect((await login('changer@e2e.test', 'Perjanjian-Kinerja-2027')).status).toBe(200);
    });

    it('lists the caller sessions with the current one marked, and ends another', async () => {
      await createUser('sessions@e2e.test', 'Tindak-Lanjut-2026');
      const a = (await login('sessions@e2e.test', 'Tindak-Lanjut-2026')).body.data;
      const b = (await login('sessions@e2e.test', 'Tindak-Lanjut-2026')).body.data;
      const list = await s.http('GET', '/api/v1/auth/sessions', { token: a.accessToken });
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(2);
      expect(list.body.meta).toEqual({ total: 2, limit: 20, offset: 0, hasMore: false });
      const firstPage = await s.http('GET', '/api/v1/auth/sessions?limit=1&sort=createdAt', { token: a.accessToken });
      expect(firstPage.body.data.map((x: { current: boolean }) => x.current)).toEqual([true]);
      expect(firstPage.body.meta).toMatchObject({ total: 2, hasMore: true });
      const current = list.body.data.filter((x: { current: boolean }) => x.current);
      expect(current).toHaveLength(1);
      const other = list.body.data.find((x: { current: boolean }) => !x.current);

      expect((await s.http('DELETE', `/api/v1/auth/sessions/${other.id}`, { token: a.accessToken })).status).toBe(204);
      expect((await s.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: b.refreshToken } })).status).toBe(401);
      expect((await s.http('GET', '/api/v1/auth/me', { token: b.accessToken })).status).toBe(401);
      expect((await s.http('GET', '/api/v1/auth/sessions', { token: a.accessToken })).body.data).toHaveLength(1);

      // Someone else's session is indistinguishable from an unknown one.
      const adminSessions = await s.http('GET', '/api/v1/auth/sessions', { token: admin.accessToken });
      const foreign = await s.http('DELETE', `/api/v1/auth/sessions/${adminSessions.body.data[0].id}`, { token: a.accessToken });
      expect(foreign.status).toBe(404);
      expect((await s.http('DELETE', '/api/v1/auth/sessions/not-a-uuid', { token: a.accessToken })).status).toBe(400);
    });
  });
});

import { E2eStack } from './stack';

const OPD_A = '0195f5a0-0000-7000-8000-00000000000a';

describe('API keys and revocation (e2e)', () => {
  let s: E2eStack;
  let admin: { accessToken: string };
  let opdAdmin: { accessToken: string; user: { id: string } };
  let opdAdminId: string;

  const apiKey = (key: string) => ({ authorization: `ApiKey ${key}` });

  beforeAll(async () => {
    s = await E2eStack.start();
    admin = await s.loginAdmin();
    const created = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { email: 'opd@e2e.test', name: 'OPD admin', password: 'Program-Kegiatan-2026', role: 'admin_opd', opdId: OPD_A } });
    opdAdminId = created.body.data.id;
    await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { email: 'pemda-viewer@e2e.test', name: 'Viewer', password: 'Dasbor-Publik-2026', role: 'viewer' } });
    opdAdmin = await s.login('opd@e2e.test', 'Program-Kegiatan-2026');
  });

  afterAll(async () => {
    await s?.stop();
  });

  it('creates a key bound to the creator OPD, shows it once, lists only the prefix', async () => {
    const res = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'SIPD bridge', scopes: ['plans:read', 'achievements:write'] } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'SIPD bridge', scopes: ['plans:read', 'achievements:write'], opdId: OPD_A, lastUsedAt: null, revokedAt: null });
    expect(res.body.data.key).toMatch(new RegExp(`^${res.body.data.prefix}_`));
    const list = await s.http('GET', '/api/v1/api-keys', { token: opdAdmin.accessToken });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.meta).toEqual({ total: 1, limit: 20, offset: 0, hasMore: false });
    expect((await s.http('GET', '/api/v1/api-keys?sort=secret', { token: opdAdmin.accessToken })).status).toBe(400);
    expect(list.body.data[0]).not.toHaveProperty('key');
    expect(list.body.data[0].prefix).toBe(res.body.data.prefix);
  });

  it('refuses unknown scopes, scopes the role cannot use, a foreign OPD, and a key without OPD for non-super_admin', async () => {
    const unknown = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'x', scopes: ['users:write'] } });
    expect(unknown.status).toBe(400);
    const foreign = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'x', scopes: ['plans:read'], opdId: '0195f5a0-0000-7000-8000-00000000000b' } });
    expect(foreign.status).toBe(400);
    const past = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'x', scopes: ['plans:read'], expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const viewer = await s.login('pemda-viewer@e2e.test', 'Dasbor-Publik-2026');
    const writeScope = await s.http('POST', '/api/v1/api-keys', { token: viewer.accessToken, body: { name: 'x', scopes: ['plans:write'], opdId: OPD_A } });
    expect(writeScope.status).toBe(400);
    expect(writeScope.body.error.details[0].message).toMatch(/plans:write is not available to viewer/);
    const noOpd = await s.http('POST', '/api/v1/api-keys', { token: viewer.accessToken, body: { name: 'x', scopes: ['plans:read'] } });
    expect(noOpd.status).toBe(400);
    const pemdaWide = await s.http('POST', '/api/v1/api-keys', { token: admin.accessToken, body: { name: 'Pemda', scopes: ['performance:read'] } });
    expect(pemdaWide.status).toBe(201);
    expect(pemdaWide.body.data.opdId).toBeNull();
  });

  it('acts as its creator narrowed to its scopes, records lastUsedAt, and cannot manage keys', async () => {
    const { key } = (await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'reader', scopes: ['plans:read'] } })).body.data;
    const me = await s.http('GET', '/api/v1/auth/me', { headers: apiKey(key) });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ id: opdAdminId, role: 'admin_opd', opdId: OPD_A });
    const closed = await s.http('GET', '/api/v1/auth/sessions', { headers: apiKey(key) });
    expect(closed.status).toBe(403);
    const keys = await s.http('POST', '/api/v1/api-keys', { headers: apiKey(key), body: { name: 'y', scopes: ['plans:read'] } });
    expect(keys.status).toBe(403);
    const listed = await s.http('GET', '/api/v1/api-keys', { token: opdAdmin.accessToken });
    expect(listed.body.data.find((k: { name: string }) => k.name === 'reader').lastUsedAt).not.toBeNull();
  });

  it('refuses a super_admin key on user administration (no scope covers it)', async () => {
    const { key } = (await s.http('POST', '/api/v1/api-keys', { token: admin.accessToken, body: { name: 'all', scopes: ['opds:read', 'plans:write'] } })).body.data;
    const res = await s.http('GET', '/api/v1/users', { headers: apiKey(key) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('answers an unknown or malformed key with 401', async () => {
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey('sakip_00000000_this-key-does-not-exist-anywhere') })).status).toBe(401);
    expect((await s.http('GET', '/api/v1/auth/me', { headers: { authorization: 'ApiKey short' } })).status).toBe(401);
  });

  it('refuses a revoked key at once, despite the gateway cache', async () => {
    const created = (await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'to revoke', scopes: ['plans:read'] } })).body.data;
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey(created.key) })).status).toBe(200); // now cached
    expect((await s.http('DELETE', `/api/v1/api-keys/${created.id}`, { token: opdAdmin.accessToken })).status).toBe(204);
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey(created.key) })).status).toBe(401);
  });

  it("hides another user's key (404) but lets super_admin revoke it", async () => {
    const created = (await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'mine', scopes: ['plans:read'] } })).body.data;
    const viewer = await s.login('pemda-viewer@e2e.test', 'Dasbor-Publik-2026');
    expect((await s.http('DELETE', `/api/v1/api-keys/${created.id}`, { token: viewer.accessToken })).status).toBe(404);
    expect((await s.http('DELETE', `/api/v1/api-keys/${created.id}`, { token: admin.accessToken })).status).toBe(204);
  });

  it('never replays a key creation through Idempotency-Key: the secret is shown once', async () => {
    const headers = { 'idempotency-key': 'same-key-1' };
    const a = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'twice', scopes: ['plans:read'] }, headers });
    const b = await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'twice', scopes: ['plans:read'] }, headers });
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.data.key).not.toBe(a.body.data.key);
  });

  it('ends sessions, tokens and keys at once when a role changes, and a promoted super_admin must enrol MFA first', async () => {
    const created = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { email: 'promoted@e2e.test', name: 'P', password: 'Promosi-Jabatan-2026', role: 'viewer', opdId: OPD_A } });
    const id = created.body.data.id;
    const session = await s.login('promoted@e2e.test', 'Promosi-Jabatan-2026');
    const { key } = (await s.http('POST', '/api/v1/api-keys', { token: session.accessToken, body: { name: 'v', scopes: ['plans:read'] } })).body.data;
    expect((await s.http('PATCH', `/api/v1/users/${id}`, { token: admin.accessToken, body: { role: 'super_admin' } })).status).toBe(200);
    expect((await s.http('GET', '/api/v1/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey(key) })).status).toBe(401);
    expect((await s.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    const login = await s.http('POST', '/api/v1/auth/login', { body: { email: 'promoted@e2e.test', password: 'Promosi-Jabatan-2026' } });
    expect(login.body.data).toEqual({ mfaSetupRequired: true, mfaToken: expect.any(String) });
  });

  it("refuses a deactivated user's access token and keys at once", async () => {
    const { key } = (await s.http('POST', '/api/v1/api-keys', { token: opdAdmin.accessToken, body: { name: 'last', scopes: ['plans:read'] } })).body.data;
    expect((await s.http('GET', '/api/v1/auth/me', { token: opdAdmin.accessToken })).status).toBe(200);
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey(key) })).status).toBe(200);
    expect((await s.http('DELETE', `/api/v1/users/${opdAdminId}`, { token: admin.accessToken })).status).toBe(204);
    // /api-keys would be refused by auth too; the point is the gateway refuses before any call.
    const token = await s.http('GET', '/api/v1/api-keys', { token: opdAdmin.accessToken });
    expect(token.status).toBe(401);
    expect(token.body.error.message).toBe('Access has been revoked');
    expect((await s.http('GET', '/api/v1/auth/me', { headers: apiKey(key) })).status).toBe(401);
  });
});

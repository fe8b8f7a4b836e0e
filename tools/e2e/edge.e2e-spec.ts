import { E2eStack } from './stack';

/** Edge hardening: security headers, CORS, Idempotency-Key, ETag / If-Match. */
describe('edge hardening (e2e)', () => {
  let s: E2eStack;
  let admin: { accessToken: string };

  beforeAll(async () => {
    s = await E2eStack.start({ CORS_ORIGINS: 'https://sakip.example.go.id' });
    admin = await s.loginAdmin();
  });

  afterAll(async () => {
    await s?.stop();
  });

  const newUser = (email: string) => ({ email, name: 'Idem', password: 'Capaian-Kinerja-2026', role: 'viewer' });

  it('sends security headers', async () => {
    const res = await s.http('GET', '/.well-known/jwks.json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows only configured CORS origins', async () => {
    const ok = await fetch(`${s.base}/api/v1/auth/login`, { method: 'OPTIONS', headers: { origin: 'https://sakip.example.go.id', 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://sakip.example.go.id');
    const other = await fetch(`${s.base}/api/v1/auth/login`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses NUL characters and absurd offsets with 400, not 500', async () => {
    const body = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { ...newUser('nul@e2e.test'), name: 'bad\u0000name' } });
    expect(body.status).toBe(400);
    const query = await s.http('GET', '/api/v1/users?q=%00abc', { token: admin.accessToken });
    expect(query.status).toBe(400);
    const offset = await s.http('GET', '/api/v1/users?offset=1e20', { token: admin.accessToken });
    expect(offset.status).toBe(400);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body, creating once', async () => {
      const headers = { 'idempotency-key': 'create-user-1' };
      const first = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem1@e2e.test'), headers });
      const second = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem1@e2e.test'), headers });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      const list = await s.http('GET', '/api/v1/users?email=idem1@e2e.test', { token: admin.accessToken });
      expect(list.body.meta.total).toBe(1);
    });

    it('refuses the same key with a different body (409)', async () => {
      const headers = { 'idempotency-key': 'create-user-2' };
      expect((await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem2@e2e.test'), headers })).status).toBe(201);
      const other = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem3@e2e.test'), headers });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('CONFLICT');
    });

    it('frees the key when the first attempt failed, so a corrected retry runs', async () => {
      const headers = { 'idempotency-key': 'create-user-3' };
      const bad = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { ...newUser('idem4@e2e.test'), role: 'admin_opd' }, headers });
      expect(bad.status).toBe(400);
      const again = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: { ...newUser('idem4@e2e.test'), role: 'admin_opd' }, headers });
      expect(again.status).toBe(400);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
    });

    it('answers concurrent duplicates with one creation', async () => {
      const headers = { 'idempotency-key': 'create-user-4' };
      const results = await Promise.all(Array.from({ length: 5 }, () => s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem5@e2e.test'), headers })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((x) => x === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((x) => x === 201 || x === 409)).toBe(true);
      const list = await s.http('GET', '/api/v1/users?email=idem5@e2e.test', { token: admin.accessToken });
      expect(list.body.meta.total).toBe(1);
    });

    it('refuses a malformed key with 400', async () => {
      const res = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('idem6@e2e.test'), headers: { 'idempotency-key': 'has spaces and /slashes' } });
      expect(res.status).toBe(400);
    });
  });

  describe('ETag / If-Match', () => {
    it('sends an ETag with a versioned resource and honours If-Match on update', async () => {
      const created = await s.http('POST', '/api/v1/users', { token: admin.accessToken, body: newUser('etag@e2e.test') });
      const id = created.body.data.id;
      expect(created.headers.get('etag')).toBe('"1"');
      const got = await s.http('GET', `/api/v1/users/${id}`, { token: admin.accessToken });
      const etag = got.headers.get('etag')!;

      const ok = await s.http('PATCH', `/api/v1/users/${id}`, { token: admin.accessToken, body: { name: 'First' }, headers: { 'if-match': etag } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');

      const stale = await s.http('PATCH', `/api/v1/users/${id}`, { token: admin.accessToken, body: { name: 'Lost update' }, headers: { 'if-match': etag } });
      expect(stale.status).toBe(412);
      expect(stale.body.error.code).toBe('PRECONDITION_FAILED');
      expect((await s.http('GET', `/api/v1/users/${id}`, { token: admin.accessToken })).body.data.name).toBe('First');

      const malformed = await s.http('PATCH', `/api/v1/users/${id}`, { token: admin.accessToken, body: { name: 'x' }, headers: { 'if-match': 'version-2' } });
      expect(malformed.status).toBe(400);
      const unconditional = await s.http('PATCH', `/api/v1/users/${id}`, { token: admin.accessToken, body: { name: 'Second' } });
      expect(unconditional.status).toBe(200);
    });
  });
});

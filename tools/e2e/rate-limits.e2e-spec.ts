import { httpJson } from '@sakip/testing';
import { ADMIN, E2eStack } from './stack';

/** API.md "Rate limits", with small limits so the windows fill quickly. */
describe('rate limits (e2e)', () => {
  let s: E2eStack;
  let replica: string;
  const LIMITS = { RATE_LIMIT_GENERAL_PER_MIN: '6', RATE_LIMIT_AUTH_PER_MIN: '4', TRUSTED_PROXIES: '127.0.0.1' };

  beforeAll(async () => {
    s = await E2eStack.start(LIMITS);
    replica = (await s.startGateway(LIMITS)).base;
  });

  afterAll(async () => {
    await s?.stop();
  });

  const fromIp = (ip: string) => ({ 'x-forwarded-for': ip });

  it('limits a signed-in user across gateway replicas, with headers and Retry-After', async () => {
    const admin = await s.login(ADMIN.email, ADMIN.password, ADMIN.totpSecret); // 2 auth-limited calls from 127.0.0.1
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      // Alternate replicas: they share one window in Redis.
      last = await httpJson(i % 2 ? replica : s.base, 'GET', '/api/v1/users', { token: admin.accessToken });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('6');
        expect(last.headers.get('ratelimit-remaining')).toBe('5');
        expect(Number(last.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(last!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('limits the auth endpoints per client IP, separately from the general budget', async () => {
    const ip = '198.51.100.10';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await s.http('POST', '/api/v1/auth/login', { body: { email: `nobody${i}@e2e.test`, password: 'whatever-password' }, headers: fromIp(ip) })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Another client is not affected; the same client's anonymous budget is separate.
    expect((await s.http('POST', '/api/v1/auth/login', { body: { email: 'x@e2e.test', password: 'whatever-password' }, headers: fromIp('198.51.100.11') })).status).toBe(401);
    expect((await s.http('GET', '/.well-known/jwks.json', { headers: fromIp(ip) })).status).toBe(200);
  });

  it('limits anonymous callers per IP', async () => {
    const ip = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await s.http('GET', '/.well-known/jwks.json', { headers: fromIp(ip) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('counts failed credentials against the IP budget, so forged tokens and keys end in 429', async () => {
    const headers = { ...fromIp('198.51.100.40'), authorization: 'ApiKey sakip_00000000_guessing-keys-all-day-long' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await s.http('GET', '/api/v1/auth/me', { headers })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const bearer = { ...fromIp('198.51.100.41'), authorization: 'Bearer forged.token.value' };
    const more: number[] = [];
    for (let i = 0; i < 7; i++) more.push((await s.http('GET', '/api/v1/users', { headers: bearer })).status);
    expect(more).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('never limits health probes and metrics', async () => {
    for (let i = 0; i < 10; i++) expect((await s.http('GET', '/health/live', { headers: fromIp('198.51.100.30') })).status).toBe(200);
  });
});

describe('rate limits without trusted proxies (e2e)', () => {
  let s: E2eStack;

  beforeAll(async () => {
    s = await E2eStack.start({ RATE_LIMIT_GENERAL_PER_MIN: '3', TRUSTED_PROXIES: '' });
  });

  afterAll(async () => {
    await s?.stop();
  });

  it('ignores X-Forwarded-For from an untrusted peer, so rotating it does not escape the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await s.http('GET', '/.well-known/jwks.json', { headers: { 'x-forwarded-for': `192.0.2.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

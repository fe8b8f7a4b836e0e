import { createHmac, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { DomainError, ErrorCode, Role, type JwkSet } from '@sakip/contracts';
import * as jwt from 'jsonwebtoken';
import { JwksCache } from './jwks';
import { createJwtStrategy } from './jwt.strategy';

const ISSUER = 'sakip-auth';
const AUDIENCE = 'sakip-api';
const KID = 'key-2024-01';
const SUB = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OPD = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

const issuerKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicPem = issuerKeys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const publicJwk = { ...(issuerKeys.publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: KID, alg: 'ES256', use: 'sig' } as JwkSet['keys'][number];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const nowSec = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}) {
  const iat = nowSec();
  return { iss: ISSUER, aud: AUDIENCE, sub: SUB, role: Role.AdminOpd, opdId: OPD, jti: 'jti-1', iat, exp: iat + 900, ...overrides };
}

function sign(payload: Record<string, unknown> = claims(), header: Record<string, unknown> = {}, key: KeyObject = issuerKeys.privateKey): string {
  return jwt.sign(payload, key, { algorithm: 'ES256', header: { alg: 'ES256', typ: 'at+jwt', kid: KID, ...header } });
}

type Outcome = { kind: 'success'; user: unknown } | { kind: 'fail'; info: unknown } | { kind: 'error'; err: unknown };

describe('createJwtStrategy', () => {
  let fetchKeys: jest.Mock<Promise<JwkSet>, []>;
  let strategy: object;

  beforeEach(() => {
    fetchKeys = jest.fn(async () => ({ keys: [publicJwk] }));
    const JwtStrategy = createJwtStrategy({ issuer: ISSUER, audience: AUDIENCE, jwks: new JwksCache(fetchKeys) });
    strategy = new JwtStrategy();
  });

  /** Drives the strategy the way passport does: a per-request copy with the action callbacks attached. */
  function authenticate(authorization?: string): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const s = Object.create(strategy);
      s.success = (user: unknown) => resolve({ kind: 'success', user });
      s.fail = (info: unknown) => resolve({ kind: 'fail', info });
      s.error = (err: unknown) => resolve({ kind: 'error', err });
      s.authenticate({ headers: authorization === undefined ? {} : { authorization } });
    });
  }

  const bearer = (token: string) => authenticate(`Bearer ${token}`);

  it('accepts a valid access token and yields the caller identity', async () => {
    expect(await bearer(sign())).toEqual({
      kind: 'success',
      user: { sub: SUB, role: Role.AdminOpd, opdId: OPD, actor: `user:${SUB}` },
    });
    expect(fetchKeys).toHaveBeenCalledTimes(1);
  });

  it('accepts a Pemda-wide user without an OPD', async () => {
    const outcome = await bearer(sign(claims({ role: Role.SuperAdmin, opdId: null })));
    expect(outcome).toEqual({ kind: 'success', user: { sub: SUB, role: Role.SuperAdmin, opdId: null, actor: `user:${SUB}` } });
  });

  it('fails without a bearer token', async () => {
    expect((await authenticate()).kind).toBe('fail');
    expect((await authenticate(`Basic ${Buffer.from('a:b').toString('base64')}`)).kind).toBe('fail');
    expect((await authenticate('Bearer not.a.jwt')).kind).toBe('fail');
  });

  it.each([
    ['typ JWT', { typ: 'JWT' }],
    ['no typ', { typ: undefined }],
    ['no kid', { kid: undefined }],
    ['a numeric kid', { kid: 7 }],
  ])('refuses a token whose header has %s', async (_label, header) => {
    const outcome = await bearer(sign(claims(), header));
    expect(outcome.kind).toBe('fail');
  });

  it('refuses the wrong issuer', async () => {
    expect((await bearer(sign(claims({ iss: 'someone-else' })))).kind).toBe('fail');
  });

  it('refuses the wrong audience', async () => {
    expect((await bearer(sign(claims({ aud: 'sakip-internal' })))).kind).toBe('fail');
  });

  it('refuses an expired token', async () => {
    const iat = nowSec() - 3600;
    expect((await bearer(sign(claims({ iat, exp: iat + 900 })))).kind).toBe('fail');
  });

  it('refuses a token that is not valid yet', async () => {
    expect((await bearer(sign(claims({ nbf: nowSec() + 600 })))).kind).toBe('fail');
  });

  it('refuses an unknown kid after looking for a rotated key', async () => {
    expect((await bearer(sign(claims(), { kid: 'made-up' }))).kind).toBe('fail');
    expect(fetchKeys).toHaveBeenCalledTimes(1);
  });

  it('refuses a known kid signed with another private key', async () => {
    const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect((await bearer(sign(claims(), {}, forger.privateKey))).kind).toBe('fail');
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt', kid: KID })}.${b64(claims())}.`;
    expect((await bearer(unsigned)).kind).toBe('fail');
  });

  it('refuses an ES256 header with the signature stripped', async () => {
    const [header, payload] = sign().split('.');
    expect((await bearer(`${header}.${payload}.`)).kind).toBe('fail');
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const signingInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: KID })}.${b64(claims())}`;
    const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
    expect((await bearer(`${signingInput}.${signature}`)).kind).toBe('fail');
  });

  it('refuses HS256 even when the header claims ES256', async () => {
    const signingInput = `${b64({ alg: 'ES256', typ: 'at+jwt', kid: KID })}.${b64(claims())}`;
    const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
    expect((await bearer(`${signingInput}.${signature}`)).kind).toBe('fail');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = sign().split('.');
    const escalated = b64(claims({ role: Role.SuperAdmin, opdId: null }));
    expect((await bearer(`${header}.${escalated}.${signature}`)).kind).toBe('fail');
  });

  it.each([
    ['no jti', { jti: undefined }],
    ['an unknown role', { role: 'root' }],
    ['no sub', { sub: undefined }],
  ])('refuses a correctly signed token with %s as UNAUTHENTICATED', async (_label, overrides) => {
    const outcome = await bearer(sign(claims(overrides)));

    expect(outcome.kind).toBe('error');
    const err = (outcome as { err: unknown }).err;
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.Unauthenticated);
  });

  it('refuses every token while the key set cannot be fetched, then recovers', async () => {
    fetchKeys.mockRejectedValueOnce(new Error('auth down'));
    expect((await bearer(sign())).kind).toBe('fail');

    expect((await bearer(sign())).kind).toBe('success');
    expect(fetchKeys).toHaveBeenCalledTimes(2);
  });
});

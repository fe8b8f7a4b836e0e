import { Role } from '@sakip/contracts';
import { identityFromClaims, readTokenHeader } from './access-token';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('readTokenHeader', () => {
  it('decodes the JOSE header of a compact JWT', () => {
    const token = `${b64({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' })}.${b64({ sub: 'u' })}.sig`;

    expect(readTokenHeader(token)).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' });
  });

  it.each([
    ['an empty string', ''],
    ['a token without dots', 'garbage'],
    ['a token starting with a dot', `.${b64({ sub: 'u' })}.sig`],
    ['a header that is not base64 JSON', '!!!.payload.sig'],
    ['a header that is truncated JSON', `${b64('{"alg":"ES2')}.payload.sig`],
    ['a JSON string header', `${b64('"ES256"')}.payload.sig`],
    ['a JSON null header', `${b64('null')}.payload.sig`],
    ['a JSON number header', `${b64('42')}.payload.sig`],
  ])('returns null for %s', (_label, token) => {
    expect(readTokenHeader(token)).toBeNull();
  });
});

describe('identityFromClaims', () => {
  const sub = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  it('builds the caller identity with the user actor', () => {
    expect(identityFromClaims({ sub, role: Role.AdminOpd, opdId: 'opd-1', jti: 'j' })).toEqual({
      sub,
      role: Role.AdminOpd,
      opdId: 'opd-1',
      actor: `user:${sub}`,
    });
  });

  it('defaults a missing opdId to null', () => {
    expect(identityFromClaims({ sub, role: Role.SuperAdmin })?.opdId).toBeNull();
  });

  it('does not copy other claims into the identity', () => {
    const identity = identityFromClaims({ sub, role: Role.Viewer, opdId: null, iss: 'x', aud: 'y', scopes: ['admin'] } as never);
    expect(Object.keys(identity ?? {}).sort()).toEqual(['actor', 'opdId', 'role', 'sub']);
  });

  it.each([
    ['no sub', { role: Role.Viewer }],
    ['a numeric sub', { sub: 42, role: Role.Viewer }],
    ['no role', { sub }],
    ['an unknown role', { sub, role: 'root' }],
    ['a role with the wrong case', { sub, role: 'SUPER_ADMIN' }],
  ])('refuses claims with %s', (_label, claims) => {
    expect(identityFromClaims(claims as never)).toBeNull();
  });
});

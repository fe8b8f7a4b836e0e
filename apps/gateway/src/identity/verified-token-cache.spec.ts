import { Role } from '@sakip/contracts';
import { VerifiedTokenCache } from './verified-token-cache';

const identity = { sub: 'u1', role: Role.Viewer, opdId: null, actor: 'user:u1' };
const tokenWithExp = (expSec: number) => `h.${Buffer.from(JSON.stringify({ exp: expSec })).toString('base64url')}.s`;

describe('VerifiedTokenCache', () => {
  it('returns a cached identity until the token expires', () => {
    const cache = new VerifiedTokenCache();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = tokenWithExp(exp);
    cache.set(token, identity);
    expect(cache.get(token)).toEqual(identity);
    expect(cache.get(token, exp * 1000 + 1)).toBeUndefined();
    expect(cache.get(token)).toBeUndefined(); // evicted once seen expired
  });

  it('never caches an expired or unparseable token', () => {
    const cache = new VerifiedTokenCache();
    cache.set(tokenWithExp(Math.floor(Date.now() / 1000) - 1), identity);
    cache.set('not-a-jwt', identity);
    expect(cache.get(tokenWithExp(Math.floor(Date.now() / 1000) - 1))).toBeUndefined();
    expect(cache.get('not-a-jwt')).toBeUndefined();
  });
});

import { createPublicKey, createSign, createVerify, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import type { JwkSet } from '@sakip/contracts';
import { JwksCache } from './jwks';

type Jwk = JwkSet['keys'][number];

function ecKey(kid: string, curve: 'P-256' | 'P-384' = 'P-256', alg?: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, use: 'sig', ...(alg ? { alg } : {}) } as Jwk;
  return { jwk, privateKey, pem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

function rsaKey(kid: string): Jwk {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256' } as Jwk;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('JwksCache', () => {
  let now: number;
  beforeEach(() => {
    now = 1_700_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  const k1 = ecKey('k1', 'P-256', 'ES256');
  const k2 = ecKey('k2', 'P-256'); // no alg: still an ES256-capable key

  describe('refresh', () => {
    it('converts EC P-256 keys to SPKI PEM that verifies their signatures', async () => {
      const cache = new JwksCache(async () => ({ keys: [k1.jwk] }));
      await cache.refresh();

      const pem = await cache.keyFor('k1');
      expect(pem).toBe(k1.pem);
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(createPublicKey(pem!).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      const signature = createSign('SHA256').update('payload').sign(k1.privateKey);
      expect(createVerify('SHA256').update('payload').verify(pem!, signature)).toBe(true);
    });

    it('keeps only EC P-256 ES256 keys, in the cache and in the published set', async () => {
      const p384 = ecKey('p384', 'P-384').jwk;
      const wrongAlg = ecKey('es384', 'P-256', 'ES384').jwk;
      const rsa = rsaKey('rsa');
      const oct = { kty: 'oct', kid: 'hmac', k: 'c2VjcmV0' } as Jwk;
      const fetch = jest.fn(async () => ({ keys: [k1.jwk, rsa, p384, wrongAlg, oct, k2.jwk] }));
      const cache = new JwksCache(fetch);

      await cache.refresh();

      expect(cache.current.keys.map((k) => k.kid)).toEqual(['k1', 'k2']);
      expect(await cache.keyFor('k2')).toBe(k2.pem);
      // Refused keys never resolve, and asking for them does not refetch within the interval.
      for (const kid of ['rsa', 'p384', 'es384', 'hmac']) expect(await cache.keyFor(kid)).toBeUndefined();
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('replaces the previous set: a retired key is gone after the next fetch', async () => {
      let set: Jwk[] = [k1.jwk];
      const cache = new JwksCache(async () => ({ keys: set }));
      await cache.refresh();
      set = [k2.jwk];

      await cache.refresh();

      expect(cache.current.keys.map((k) => k.kid)).toEqual(['k2']);
      now += 60_000;
      expect(await cache.keyFor('k1')).toBeUndefined();
    });

    it('keeps the last good set when a fetch fails, and rejects', async () => {
      const fetch = jest.fn<Promise<JwkSet>, []>().mockResolvedValueOnce({ keys: [k1.jwk] }).mockRejectedValueOnce(new Error('auth down'));
      const cache = new JwksCache(fetch);
      await cache.refresh();

      await expect(cache.refresh()).rejects.toThrow('auth down');

      expect(await cache.keyFor('k1')).toBe(k1.pem);
      expect(cache.current.keys.map((k) => k.kid)).toEqual(['k1']);
    });

    it('shares one fetch between concurrent refreshes', async () => {
      const pending = deferred<JwkSet>();
      const fetch = jest.fn(() => pending.promise);
      const cache = new JwksCache(fetch);

      const all = Promise.all([cache.refresh(), cache.refresh(), cache.keyFor('k1'), cache.keyFor('k2')]);
      pending.resolve({ keys: [k1.jwk, k2.jwk] });
      const [, , pem1, pem2] = await all;

      expect(fetch).toHaveBeenCalledTimes(1);
      expect(pem1).toBe(k1.pem);
      expect(pem2).toBe(k2.pem);

      // Once settled, the next refresh fetches again.
      await cache.refresh();
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });

  describe('keyFor', () => {
    it('answers a known kid without fetching', async () => {
      const fetch = jest.fn(async () => ({ keys: [k1.jwk] }));
      const cache = new JwksCache(fetch);
      await cache.refresh();

      for (let i = 0; i < 3; i++) expect(await cache.keyFor('k1')).toBe(k1.pem);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('loads the set on first use', async () => {
      const fetch = jest.fn(async () => ({ keys: [k1.jwk] }));
      const cache = new JwksCache(fetch);

      expect(await cache.keyFor('k1')).toBe(k1.pem);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('refetches on an unknown kid at most once per minRefreshMs after a successful load', async () => {
      let set: Jwk[] = [k1.jwk];
      const fetch = jest.fn(async () => ({ keys: set }));
      const cache = new JwksCache(fetch, 10_000);
      await cache.refresh();

      // A made-up kid right after the load: no refetch.
      expect(await cache.keyFor('bogus')).toBeUndefined();
      expect(fetch).toHaveBeenCalledTimes(1);

      // Rotation: once the interval passed, one miss refetches and finds the new key...
      set = [k1.jwk, k2.jwk];
      now += 10_000;
      expect(await cache.keyFor('bogus')).toBeUndefined();
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(await cache.keyFor('k2')).toBe(k2.pem);
      expect(fetch).toHaveBeenCalledTimes(2);

      // ...and a flood of unknown kids within the next interval costs nothing.
      now += 9_999;
      for (let i = 0; i < 20; i++) expect(await cache.keyFor(`forged-${i}`)).toBeUndefined();
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it('finds a rotated-in key with the refetch its own miss triggers', async () => {
      let set: Jwk[] = [k1.jwk];
      const fetch = jest.fn(async () => ({ keys: set }));
      const cache = new JwksCache(fetch, 10_000);
      await cache.refresh();
      set = [k1.jwk, k2.jwk];
      now += 10_000;

      expect(await cache.keyFor('k2')).toBe(k2.pem);
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it('retries on every miss until a first load succeeds, without throwing', async () => {
      const fetch = jest
        .fn<Promise<JwkSet>, []>()
        .mockRejectedValueOnce(new Error('down'))
        .mockRejectedValueOnce(new Error('down'))
        .mockRejectedValueOnce(new Error('down'))
        .mockResolvedValue({ keys: [k1.jwk] });
      const cache = new JwksCache(fetch, 10_000);

      // Same instant: the throttle must not apply before the first success.
      expect(await cache.keyFor('k1')).toBeUndefined();
      expect(await cache.keyFor('k1')).toBeUndefined();
      expect(await cache.keyFor('k1')).toBeUndefined();
      expect(await cache.keyFor('k1')).toBe(k1.pem);
      expect(fetch).toHaveBeenCalledTimes(4);

      // Loaded now: misses are throttled again.
      expect(await cache.keyFor('other')).toBeUndefined();
      expect(fetch).toHaveBeenCalledTimes(4);
    });

    it('throttles refetches after a failed refresh that followed a successful load', async () => {
      const fetch = jest.fn<Promise<JwkSet>, []>().mockResolvedValueOnce({ keys: [k1.jwk] }).mockRejectedValue(new Error('down'));
      const cache = new JwksCache(fetch, 10_000);
      await cache.refresh();
      now += 10_000;

      expect(await cache.keyFor('k2')).toBeUndefined();
      expect(await cache.keyFor('k2')).toBeUndefined();

      expect(fetch).toHaveBeenCalledTimes(2);
      expect(await cache.keyFor('k1')).toBe(k1.pem);
    });
  });
});

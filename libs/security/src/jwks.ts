import { createPublicKey } from 'node:crypto';
import type { JwkSet } from '@sakip/contracts';

export const ACCESS_TOKEN_TYP = 'at+jwt';
export const ACCESS_TOKEN_ALG = 'ES256';

/**
 * The verifier's view of the issuer's key set: kid → public key. Refetches on an unknown kid (a
 * rotation), but at most once per `minRefreshMs`, so a flood of tokens with made-up kids cannot
 * turn into a flood of RPCs.
 */
export class JwksCache {
  /** kid → SPKI PEM, converted once per fetch rather than per request. */
  private keys = new Map<string, string>();
  private jwks: JwkSet = { keys: [] };
  private lastFetch = 0;
  private loaded = false;
  private inflight: Promise<void> | null = null;

  constructor(
    private readonly fetchKeys: () => Promise<JwkSet>,
    private readonly minRefreshMs = 10_000,
  ) {}

  get current(): JwkSet {
    return this.jwks;
  }

  async refresh(): Promise<void> {
    if (!this.inflight) {
      this.inflight = (async () => {
        try {
          const set = await this.fetchKeys();
          const next = new Map<string, string>();
          for (const jwk of set.keys) {
            // Only EC P-256 signing keys are ever accepted, whatever else a key set might hold.
            if (jwk.kty !== 'EC' || jwk['crv'] !== 'P-256' || (jwk.alg && jwk.alg !== ACCESS_TOKEN_ALG) || (jwk.use && jwk.use !== 'sig')) continue;
            try {
              next.set(jwk.kid, createPublicKey({ key: jwk as never, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString());
            } catch {
              // One malformed key must not keep the others from loading.
            }
          }
          this.keys = next;
          this.jwks = { keys: set.keys.filter((k) => next.has(k.kid)) };
          this.loaded = true;
        } finally {
          this.lastFetch = Date.now();
          this.inflight = null;
        }
      })();
    }
    return this.inflight;
  }

  async keyFor(kid: string): Promise<string | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    // Until a first successful load (issuer down at boot) every miss may retry; the RPC breaker bounds it.
    if (!this.loaded || Date.now() - this.lastFetch >= this.minRefreshMs) {
      await this.refresh().catch(() => undefined);
      return this.keys.get(kid);
    }
    return undefined;
  }
}

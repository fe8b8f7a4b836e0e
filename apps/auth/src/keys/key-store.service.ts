import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JwkSet } from '@sakip/contracts';
import { ACCESS_TOKEN_ALG } from '@sakip/security';
import { generateKeyPairSync, randomUUID, type KeyObject, createPrivateKey } from 'node:crypto';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { decryptSecret, encryptSecret } from './key-encryption';
import type { SigningKeyEntity } from './signing-key.entity';
import { SigningKeysRepository } from './signing-keys.repository';

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** How often a replica re-reads the keys so a rotation by another replica is picked up. */
const RELOAD_MS = 60_000;

/**
 * Holds the ES256 signing key shared by every auth replica. Private keys live encrypted in the
 * schema; this process keeps the active one decrypted in memory and reloads it periodically.
 */
@Injectable()
export class KeyStore implements OnApplicationBootstrap, OnModuleDestroy {
  private active: ActiveSigningKey | null = null;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repo: SigningKeysRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.ensureFresh();
    this.timer = setInterval(() => void this.ensureFresh().catch(() => undefined), RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  async signingKey(): Promise<ActiveSigningKey> {
    if (!this.active) await this.ensureFresh();
    if (!this.active) throw new Error('no active signing key');
    return this.active;
  }

  async jwks(): Promise<JwkSet> {
    const keys = await this.repo.findPublished();
    return { keys: keys.map((k) => ({ ...(k.publicJwk as { kty: string }), kid: k.kid, alg: ACCESS_TOKEN_ALG, use: 'sig' })) };
  }

  /** Rotates now (tests, operators); replicas converge within RELOAD_MS. */
  async rotate(): Promise<void> {
    await this.repo.rotate(() => true, () => this.newKey());
    await this.load();
  }

  private async ensureFresh(): Promise<void> {
    const maxAgeMs = this.config.AUTH_KEY_ROTATION_DAYS * 86_400_000;
    const due = (k: SigningKeyEntity | null) => !k || Date.now() - k.createdAt.getTime() > maxAgeMs;
    if (due(await this.repo.findActive())) await this.repo.rotate(due, () => this.newKey());
    await this.load();
  }

  private async load(): Promise<void> {
    const row = await this.repo.findActive();
    if (!row) throw new Error('no active signing key');
    if (this.active?.kid === row.kid) return;
    const pem = decryptSecret(row.privateKeyEnc, this.config.keyEncryptionKey, row.kid);
    this.active = { kid: row.kid, privateKey: createPrivateKey(pem) };
  }

  private newKey() {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = randomUUID();
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    return {
      kid,
      publicJwk: publicKey.export({ format: 'jwk' }) as object,
      privateKeyEnc: encryptSecret(pem, this.config.keyEncryptionKey, kid),
    };
  }
}

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type Logger } from '@sakip/observability';
import { CredentialsCipher } from './credentials-cipher';
import { IntegrationsRepository } from './integrations.repository';

/**
 * Key rotation, second half: credentials still sealed with a key now in INTEGRATION_SECRET_KEYS_OLD
 * are re-sealed with INTEGRATION_SECRET_KEY at start (a conditional update, so replicas starting
 * together do not fight); once no row names the old key it can be removed from the env.
 */
@Injectable()
export class CredentialsReseal implements OnApplicationBootstrap {
  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly cipher: CredentialsCipher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.integrations.sealedWithOtherKey(this.cipher.currentKeyId);
    for (const row of stale) {
      try {
        const sealed = this.cipher.seal(row.id, this.cipher.open(row.id, { blob: row.credentials, keyId: row.credentials_key_id }));
        await this.integrations.reseal(row.id, row.credentials_key_id, sealed.blob, sealed.keyId);
      } catch (err) {
        this.logger.error({ integrationId: row.id, keyId: row.credentials_key_id, err: err instanceof Error ? err.message : String(err) }, 'credentials could not be re-sealed: is their key in INTEGRATION_SECRET_KEYS_OLD?');
      }
    }
    if (stale.length) this.logger.info({ count: stale.length }, 'integration credentials re-sealed with the current key');
  }
}

import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AUTH_SUBJECTS, type JwkSet } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { JwksCache } from '@sakip/security';

const REFRESH_EVERY_MS = 5 * 60_000;

/** The gateway's copy of auth's key set: loaded at boot, refreshed periodically and on an unknown kid. */
@Injectable()
export class GatewayJwks extends JwksCache implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(rpc: RpcClient, @Inject(LOGGER) private readonly logger: Logger) {
    super(() => rpc.request<JwkSet>(AUTH_SUBJECTS.jwks, {}, { timeoutMs: 2000 }));
  }

  async onApplicationBootstrap() {
    // Auth may start after the gateway: keep booting, keys are fetched on first use.
    await this.refresh().catch((err) => this.logger.warn({ err: err.message }, 'key set not loaded yet'));
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }
}

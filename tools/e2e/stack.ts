import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@sakip/messaging';
import { createTestStack, httpJson, type TestStack } from '@sakip/testing';
import { AuthAppModule } from '../../apps/auth/src/app.module';
import { loadAuthConfig } from '../../apps/auth/src/auth.config';
import { createGatewayApp } from '../../apps/gateway/src/gateway-app';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';

export const ADMIN = { email: 'admin@e2e.test', password: 'Admin-Password-2026!' };

/**
 * One in-process stack per e2e suite: auth and gateway against real PostgreSQL (own database),
 * NATS and Redis (own prefixes). Lives in tools/ because it boots several apps together.
 */
export class E2eStack {
  auth?: NestFastifyApplication;
  gateway!: NestFastifyApplication;
  base!: string;
  private stack!: TestStack;

  static async start(extraEnv: NodeJS.ProcessEnv = {}): Promise<E2eStack> {
    const s = new E2eStack();
    s.stack = await createTestStack({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, ...extraEnv });
    await s.startAuth();
    s.gateway = await createGatewayApp(loadGatewayConfig({ ...s.stack.env, HOST: '127.0.0.1' }), 0);
    const addr = s.gateway.getHttpServer().address();
    s.base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return s;
  }

  get env(): NodeJS.ProcessEnv {
    return this.stack.env;
  }

  async startAuth(): Promise<void> {
    const config = loadAuthConfig({ ...this.stack.env, HTTP_PORT: '0' });
    this.auth = await createServiceApp(AuthAppModule.forRoot(config), { service: 'auth', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  async stopAuth(): Promise<void> {
    await this.auth?.close();
    this.auth = undefined;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    await this.stopAuth();
    await this.stack?.teardown();
  }

  http<T = any>(method: string, path: string, o: Parameters<typeof httpJson>[3] = {}) {
    return httpJson<T>(this.base, method, path, o);
  }

  async login(email: string, password: string) {
    const res = await this.http('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
    return res.body.data as { accessToken: string; refreshToken: string; user: { id: string } };
  }
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@sakip/messaging';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, httpJson, type TestStack } from '@sakip/testing';
import { authenticator } from 'otplib';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthAppModule } from '../../apps/auth/src/app.module';
import { loadAuthConfig } from '../../apps/auth/src/auth.config';
import { CoreAppModule } from '../../apps/core-performance/src/app.module';
import { loadCoreConfig } from '../../apps/core-performance/src/core.config';
import { FileAppModule } from '../../apps/file/src/app.module';
import { loadFileConfig } from '../../apps/file/src/file.config';
import { IntegrationAppModule } from '../../apps/integration-sync/src/app.module';
import { loadIntegrationConfig } from '../../apps/integration-sync/src/integration.config';
import { NotificationAppModule } from '../../apps/notification/src/app.module';
import { loadNotificationConfig } from '../../apps/notification/src/notification.config';
import { ReportAppModule } from '../../apps/report-generation/src/app.module';
import { loadReportConfig } from '../../apps/report-generation/src/report.config';
import { createGatewayApp } from '../../apps/gateway/src/gateway-app';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';

export const ADMIN = { email: 'admin@e2e.test', password: 'Admin-Password-2026!', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/** The current TOTP code for a base32 secret. */
export const totpCode = (secret: string) => authenticator.generate(secret);

export interface AppEnv {
  auth?: NodeJS.ProcessEnv;
  core?: NodeJS.ProcessEnv;
  file?: NodeJS.ProcessEnv;
  notification?: NodeJS.ProcessEnv;
  report?: NodeJS.ProcessEnv;
  integration?: NodeJS.ProcessEnv;
  gateway?: NodeJS.ProcessEnv;
}

export interface StackServices {
  /** Boot core-performance too (suites of the Core routes). */
  core?: boolean;
  /** Boot the file service too, storing in a temp directory removed at stop (suites of the Files routes). */
  file?: boolean;
  /** Boot the notification service too (its mail worker polls SMTP_URL: give one in appEnv.notification). */
  notification?: boolean;
  /** Boot report-generation too (suites of the Reports routes; needs core and file for real documents). */
  report?: boolean;
  /** Boot integration-sync too (suites of the Integrations routes). */
  integration?: boolean;
  /** Runs on the fresh database before any service starts (e.g. the demo loader into core's schema). */
  seed?: (stack: TestStack) => Promise<void>;
}

/**
 * One in-process stack per e2e suite: auth and gateway against real PostgreSQL (own database),
 * NATS and Redis (own prefixes). Lives in tools/ because it boots several apps together.
 */
export class E2eStack {
  auth?: NestFastifyApplication;
  core?: NestFastifyApplication;
  file?: NestFastifyApplication;
  notification?: NestFastifyApplication;
  report?: NestFastifyApplication;
  integration?: NestFastifyApplication;
  /** The file service's storage directory (FILE_LOCAL_DIR) while it runs. */
  fileDir?: string;
  gateway!: NestFastifyApplication;
  base!: string;
  private stack!: TestStack;
  private readonly extraGateways: NestFastifyApplication[] = [];
  /** Per-app environment on top of the shared one (e.g. each app's own NATS_USER/NATS_PASSWORD). */
  private appEnv: AppEnv = {};

  static async start(extraEnv: NodeJS.ProcessEnv = {}, appEnv: AppEnv = {}, services: StackServices = {}): Promise<E2eStack> {
    const s = new E2eStack();
    s.appEnv = appEnv;
    s.stack = await createTestStack({
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totpSecret,
      // All test clients share 127.0.0.1: suites that test per-IP limits send X-Forwarded-For instead.
      AUTH_LOCKOUT_IP_MAX: '1000',
      RATE_LIMIT_AUTH_PER_MIN: '100000',
      RATE_LIMIT_GENERAL_PER_MIN: '100000',
      ...extraEnv,
    });
    await services.seed?.(s.stack);
    await s.startAuth();
    if (services.core) await s.startCore();
    if (services.file) await s.startFile();
    if (services.notification) await s.startNotification();
    if (services.report) await s.startReport();
    if (services.integration) await s.startIntegration();
    const first = await s.startGateway();
    s.gateway = first.app;
    s.base = first.base;
    return s;
  }

  /** Another gateway replica on the same NATS/Redis (replicas share keys, rate limits, services). */
  async startGateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ app: NestFastifyApplication; base: string }> {
    const app = await createGatewayApp(loadGatewayConfig({ ...this.stack.env, HOST: '127.0.0.1', ...this.appEnv.gateway, ...extraEnv }), 0);
    this.extraGateways.push(app);
    const addr = app.getHttpServer().address();
    return { app, base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
  }

  get env(): NodeJS.ProcessEnv {
    return this.stack.env;
  }

  async startAuth(): Promise<void> {
    const config = loadAuthConfig({ ...this.stack.env, ...this.appEnv.auth, HTTP_PORT: '0' });
    this.auth = await createServiceApp(AuthAppModule.forRoot(config), { service: 'auth', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  async startCore(): Promise<void> {
    const config = loadCoreConfig({ ...this.stack.env, ...this.appEnv.core, HTTP_PORT: '0' });
    this.core = await createServiceApp(CoreAppModule.forRoot(config), { service: 'core', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  async startFile(): Promise<void> {
    this.fileDir = await mkdtemp(join(tmpdir(), 'sakip-e2e-file-'));
    const config = loadFileConfig({ ...this.stack.env, FILE_CLEANUP_INTERVAL_MS: '0', ...this.appEnv.file, HTTP_PORT: '0', FILE_LOCAL_DIR: this.fileDir });
    this.file = await createServiceApp(FileAppModule.forRoot(config), { service: 'file', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
    // Grants carry FILE_INTERNAL_URL: point it at the port the OS picked (the config object is the one the service reads).
    config.FILE_INTERNAL_URL = `http://127.0.0.1:${(this.file.getHttpServer().address() as AddressInfo).port}`;
  }

  async startNotification(): Promise<void> {
    const config = loadNotificationConfig({ ...this.stack.env, ...this.appEnv.notification, HTTP_PORT: '0' });
    this.notification = await createServiceApp(NotificationAppModule.forRoot(config), { service: 'notification', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  async startReport(): Promise<void> {
    const config = loadReportConfig({ ...this.stack.env, ...this.appEnv.report, HTTP_PORT: '0' });
    this.report = await createServiceApp(ReportAppModule.forRoot(config), { service: 'report', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  async startIntegration(): Promise<void> {
    const config = loadIntegrationConfig({ ...this.stack.env, ...this.appEnv.integration, HTTP_PORT: '0' });
    this.integration = await createServiceApp(IntegrationAppModule.forRoot(config), { service: 'integration', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
  }

  /** Runs SQL as the database owner (fixtures and assertions). */
  sql<T = any>(q: string, params: unknown[] = []): Promise<T[]> {
    return withPgClient(this.stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  }

  async stopAuth(): Promise<void> {
    await this.auth?.close();
    this.auth = undefined;
  }

  async stop(): Promise<void> {
    await Promise.all(this.extraGateways.map((g) => g.close().catch(() => undefined)));
    await this.integration?.close().catch(() => undefined);
    await this.report?.close().catch(() => undefined);
    await this.notification?.close().catch(() => undefined);
    await this.core?.close().catch(() => undefined);
    await this.file?.close().catch(() => undefined);
    if (this.fileDir) await rm(this.fileDir, { recursive: true, force: true });
    await this.stopAuth();
    await this.stack?.teardown();
  }

  http<T = any>(method: string, path: string, o: Parameters<typeof httpJson>[3] = {}) {
    return httpJson<T>(this.base, method, path, o);
  }

  /**
   * Password login, completing the TOTP step when `totpSecret` is given and a code is asked for.
   * A user an admin just created must change the password first (the gateway allows nothing else);
   * suites not about that rule get the flag cleared here, as if the change had happened.
   */
  async login(email: string, password: string, totpSecret?: string) {
    await this.sql(`UPDATE auth.users SET must_change_password = false WHERE lower(email) = lower($1) AND must_change_password`, [email]);
    const res = await this.http('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
    let data = res.body.data;
    if (data.mfaRequired && totpSecret) {
      const mfa = await this.http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: data.mfaToken, code: totpCode(totpSecret) } });
      if (mfa.status !== 200) throw new Error(`mfa for ${email} failed: ${mfa.status} ${mfa.text}`);
      data = mfa.body.data;
    }
    return data as { accessToken: string; refreshToken: string; user: { id: string } };
  }

  /** The bootstrap super_admin (MFA enrolled from BOOTSTRAP_ADMIN_TOTP_SECRET). One per TOTP step: codes are single-use. */
  loginAdmin() {
    return this.login(ADMIN.email, ADMIN.password, ADMIN.totpSecret);
  }
}

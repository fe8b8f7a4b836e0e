import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode, NOTIFICATION_SUBJECTS, Role, type CallerIdentity, type MailSendResult } from '@sakip/contracts';
import { createServiceApp, RpcClient } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { NotificationAppModule } from '../src/app.module';
import { DirectMailModule } from '../src/direct-mail/direct-mail.module';
import { DeliveryWorker } from '../src/mail/delivery-worker';
import { loadNotificationConfig, type NotificationConfig } from '../src/notification.config';
import { enqueueSlack } from '../src/slack/slack-deliveries';
import { SlackWebhook } from '../src/slack/slack-webhook';
import { SmtpCatcher } from './smtp-catcher';
import { INTEGRATION_EVENTS, type SakipEventEnvelope } from '@sakip/contracts';
import { NotifyOnEvent } from '../src/reactions/notify-on-event';

/** The app plus DirectMailModule (until app.module.ts registers it). */
@Module({})
class WithDirectMail {
  static forRoot(config: NotificationConfig): DynamicModule {
    return { module: WithDirectMail, imports: [NotificationAppModule.forRoot(config), DirectMailModule] };
  }
}

/** notification.mail.send.v1: a service's mail queued in the deliveries and sent once by the e-mail worker. */
describe('direct mail (integration)', () => {
  const smtp = new SmtpCatcher();
  let hook: Server;
  let hookStatus = 200;
  const posted: unknown[] = [];
  let stack: TestStack;
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let rpc: RpcClient;
  const sql = <T = any>(q: string, params: unknown[] = []) => withPgClient(stack.db.adminUrl, async (c) => (await c.query(q, params)).rows as T[]);
  const token = 'tOkEn-' + randomUUID().replace(/-/g, '');
  const mail = (key: string) => ({ to: 'pegawai@pemda.test', template: 'password_reset', locale: 'en', idempotencyKey: key, userId: randomUUID(), variables: { name: 'Pegawai', token, expiresAt: '2026-11-24T02:30:00.000Z' } });

  beforeAll(async () => {
    await smtp.start();
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (hookStatus === 200) posted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(hookStatus).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    stack = await createTestStack();
    const config = loadNotificationConfig({
      ...stack.env,
      HTTP_PORT: '0',
      NOTIFICATION_MAIL_POLL_MS: '0',
      NOTIFICATION_SMTP_TIMEOUT_MS: '2000',
      NOTIFICATION_MAIL_RETRY_BASE_MS: '50',
      NOTIFICATION_MAIL_RETRY_MAX_MS: '200',
      SMTP_URL: smtp.url,
      SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T/B/X',
    });
    app = await createServiceApp(WithDirectMail.forRoot(config), { service: 'notification', httpPort: 0, host: '127.0.0.1', natsPrefix: config.NATS_PREFIX });
    nc = await connect({ servers: stack.env['NATS_URL'], noAsyncTraces: true });
    rpc = new RpcClient({ connection: nc, prefix: stack.env['NATS_PREFIX']!, defaultTimeoutMs: 5000, logger: createLogger('test', 'silent') });
  });

  afterAll(async () => {
    rpc?.shutdown();
    await nc?.close();
    await app?.close();
    await stack?.teardown();
    await smtp.stop();
    await new Promise((r) => hook.close(r));
  });

  it('refuses a call carrying a user identity (403)', async () => {
    const user: CallerIdentity = { sub: randomUUID(), role: Role.SuperAdmin, opdId: null, actor: 'user:x' };
    await expect(rpc.request(NOTIFICATION_SUBJECTS.mailSend, mail(randomUUID()), { identity: user })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await sql(`SELECT 1 FROM notification.deliveries`)).toHaveLength(0);
  });

  it('queues once per idempotency key, sends once, then drops the body', async () => {
    const key = randomUUID();
    const m = mail(key);
    const first = await rpc.request<MailSendResult>(NOTIFICATION_SUBJECTS.mailSend, m);
    const again = await rpc.request<MailSendResult>(NOTIFICATION_SUBJECTS.mailSend, m);
    expect(again.messageId).toBe(first.messageId);
    expect(await sql(`SELECT type, status FROM notification.deliveries`)).toEqual([{ type: 'mail.password_reset', status: 'pending' }]);

    const worker = app.get(DeliveryWorker);
    await worker.runOnce();
    await worker.runOnce();
    const sent = smtp.mails.filter((x) => x.messageId === first.messageId);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Reset your SAKIP password');
    expect(sent[0].raw).toContain(token);
    const [row] = await sql<{ status: string; data: unknown }>(`SELECT status, data FROM notification.deliveries`);
    expect(row).toEqual({ status: 'sent', data: {} });
  });

  it('refuses a template it cannot render (400)', async () => {
    await expect(rpc.request(NOTIFICATION_SUBJECTS.mailSend, { ...mail(randomUUID()), template: 'mfa_reset' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('posts a slack delivery as {text} with the mail retry rules (a 5xx is retried, sent once)', async () => {
    // The config accepts only https webhooks: point the worker at the plain-HTTP in-test server.
    const worker = app.get(DeliveryWorker);
    Object.assign(worker, { slack: new SlackWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, 2000) });
    const eventId = randomUUID();
    await app.get(DataSource).transaction((tx) => enqueueSlack(tx, eventId, 'sync.failed', { kind: 'sipd', startedAt: '2026-11-24T01:00:00Z', error: 'timeout' }));
    await app.get(DataSource).transaction((tx) => enqueueSlack(tx, eventId, 'sync.failed', { kind: 'sipd' }));
    hookStatus = 503;
    await worker.runOnce();
    const [pending] = await sql<{ status: string; attempts: number }>(`SELECT status, attempts FROM notification.deliveries WHERE channel = 'slack'`);
    expect(pending).toEqual({ status: 'pending', attempts: 1 });
    hookStatus = 200;
    await new Promise((r) => setTimeout(r, 250));
    await worker.runOnce();
    await worker.runOnce();
    expect(posted).toEqual([{ text: '*Sinkronisasi SIPD gagal*\nSinkronisasi SIPD yang dimulai 2026-11-24T01:00:00Z gagal: timeout' }]);
    expect(await sql(`SELECT status FROM notification.deliveries WHERE channel = 'slack'`)).toEqual([{ status: 'sent' }]);
  });
  it('queues the admins\' Slack post once for an event that notifies super_admins (sync failed)', async () => {
    const event = {
      id: randomUUID(),
      subject: INTEGRATION_EVENTS.syncFailed,
      producer: 'integration',
      occurredAt: '2026-11-24T01:00:00.000Z',
      data: { integrationId: randomUUID(), kind: 'sipd', runId: randomUUID(), startedAt: '2026-11-24T00:59:00.000Z', finishedAt: '2026-11-24T01:00:00.000Z', error: 'timeout' },
    } as SakipEventEnvelope;
    for (let i = 0; i < 2; i++) await app.get(DataSource).transaction((tx) => app.get(NotifyOnEvent).handle(event, tx));
    expect(await sql(`SELECT channel, type FROM notification.deliveries WHERE event_id = $1 AND channel = 'slack'`, [event.id])).toEqual([{ channel: 'slack', type: 'sync.failed' }]);
  });
});

/**
 * Live push: 1,000 WebSocket clients spread over two gateway processes; a notification published
 * on the gateways' push subject (as the notification service does after commit) → received by
 * every client, p50/p99, against a raw NATS publish → 1,000 subscriptions in the same run.
 * Run: npm run bench:push   (BENCH_PUSH_CLIENTS, BENCH_PUSH_MESSAGES to adjust; 127.0.0.1 only)
 */
import 'reflect-metadata';
import { GATEWAY_PUSH_SUBJECTS, type NotificationPushBatch, type NotificationView } from '@sakip/contracts';
import { httpJson } from '@sakip/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { authenticator } from 'otplib';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { fmt, freePort, spawnTs, startAuthAndGateway } from './lib/bench-stack';

const CLIENTS = Number(process.env['BENCH_PUSH_CLIENTS'] ?? 1000);
const MESSAGES = Number(process.env['BENCH_PUSH_MESSAGES'] ?? 50);
const SPACING_MS = 100;
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const codec = JSONCodec<NotificationPushBatch>();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Publishes MESSAGES messages SPACING_MS apart and collects each receiver's latency. */
async function measure(publish: (id: string) => void, expectPerMessage: number, sent: Map<string, number>, latencies: number[]) {
  for (let i = 0; i < MESSAGES; i++) {
    const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    sent.set(id, performance.now());
    publish(id);
    await new Promise((r) => setTimeout(r, SPACING_MS));
  }
  const deadline = Date.now() + 10_000;
  while (latencies.length < MESSAGES * expectPerMessage && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const sorted = [...latencies].sort((a, b) => a - b);
  return { received: latencies.length, expected: MESSAGES * expectPerMessage, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

async function main() {
  const env = { PUSH_MAX_CONNECTIONS_PER_USER: String(CLIENTS), PUSH_HEARTBEAT_MS: '25000' };
  const s = await startAuthAndGateway({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp, ...env });
  const port2 = await freePort();
  const second = `http://127.0.0.1:${port2}`;
  s.children.push(await spawnTs('apps/gateway/src/main.ts', { ...s.stack.env, ...env, PORT: String(port2), HOST: '127.0.0.1' }, `${second}/health/ready`));
  const sockets: WebSocket[] = [];
  let nc: NatsConnection | undefined;
  try {
    const challenge = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const pair = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.data.mfaToken, code: authenticator.generate(ADMIN.totp) } });
    const token = pair.body.data.accessToken as string;
    const userId = pair.body.data.user.id as string;
    const prefix = s.stack.env['NATS_PREFIX'] ?? '';
    const publisher = await connect({ servers: s.stack.env['NATS_URL'], noAsyncTraces: true });
    nc = publisher;

    // Gateway path: half the clients on each replica, all for one user (the per-user cap raised for this).
    const sent = new Map<string, number>();
    const viaGateway: number[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const base = i % 2 ? second : s.gatewayUrl;
      const ticket = (await httpJson(s.gatewayUrl, 'POST', '/api/v1/ws/ticket', { token })).body.data.ticket as string;
      const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/ws?ticket=${ticket}`);
      socket.on('message', (data) => {
        const t0 = sent.get((JSON.parse(String(data)) as NotificationView).id);
        if (t0 !== undefined) viaGateway.push(performance.now() - t0);
      });
      await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
      sockets.push(socket);
    }
    const message = (id: string): NotificationView => ({ id, type: 'sync.failed', title: 'Sinkronisasi SIPD gagal', body: 'SIPD menjawab 503', data: { error: 'SIPD answered 503' }, readAt: null, createdAt: new Date().toISOString() });
    const gateway = await measure((id) => publisher.publish(prefix + GATEWAY_PUSH_SUBJECTS.notification, codec.encode({ items: [{ userId, message: message(id) }] })), CLIENTS, sent, viaGateway);
    for (const socket of sockets) socket.terminate();

    // Baseline: the same payload from one NATS publish to CLIENTS plain subscriptions (two connections, like two replicas).
    const rawSent = new Map<string, number>();
    const raw: number[] = [];
    const left = await connect({ servers: s.stack.env['NATS_URL'], noAsyncTraces: true });
    const right = await connect({ servers: s.stack.env['NATS_URL'], noAsyncTraces: true });
    const receivers = [left, right];
    const rawSubject = `${prefix}bench.raw`;
    for (let i = 0; i < CLIENTS; i++) {
      (i % 2 ? right : left).subscribe(rawSubject, {
        callback: (_e, msg) => {
          const t0 = rawSent.get(codec.decode(msg.data).items[0]?.message.id ?? '');
          if (t0 !== undefined) raw.push(performance.now() - t0);
        },
      });
    }
    await Promise.all(receivers.map((r) => r.flush()));
    const baseline = await measure((id) => publisher.publish(rawSubject, codec.encode({ items: [{ userId, message: message(id) }] })), CLIENTS, rawSent, raw);
    await Promise.all(receivers.map((r) => r.close()));

    console.log(`\nLive push: ${CLIENTS} clients over 2 gateway processes, ${MESSAGES} messages ${SPACING_MS} ms apart (2 cores shared by clients, NATS and gateways)`);
    console.log('| path | delivered | p50 ms | p99 ms | max ms |');
    console.log('|---|---|---|---|---|');
    console.log(`| raw NATS publish → ${CLIENTS} subscriptions | ${baseline.received}/${baseline.expected} | ${fmt(baseline.p50)} | ${fmt(baseline.p99)} | ${fmt(baseline.max)} |`);
    console.log(`| NATS → 2 gateways → ${CLIENTS} WebSockets | ${gateway.received}/${gateway.expected} | ${fmt(gateway.p50)} | ${fmt(gateway.p99)} | ${fmt(gateway.max)} |`);
    console.log(`\nratio gateway/raw: p50 ${fmt(gateway.p50 / baseline.p50, 2)}×, p99 ${fmt(gateway.p99 / baseline.p99, 2)}×`);
  } finally {
    for (const socket of sockets) socket.terminate();
    await nc?.close();
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

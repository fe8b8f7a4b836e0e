import { INTEGRATION_EVENTS } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { openEventStream, openWebSocket } from './live-clients';
import { E2eStack } from './stack';

const codec = JSONCodec<unknown>();

/**
 * Live push through two gateway replicas: notification publishes each new in-app notification
 * once, every replica hears it, and each client (WebSocket or SSE) gets it exactly once.
 */
describe('live notifications over WebSocket and SSE (e2e)', () => {
  let s: E2eStack;
  let second: string;
  let nc: NatsConnection;
  let token: string;

  beforeAll(async () => {
    s = await E2eStack.start({ PUSH_HEARTBEAT_MS: '200' }, { notification: { NOTIFICATION_MAIL_POLL_MS: '0' } }, { notification: true });
    second = (await s.startGateway()).base;
    nc = await connect({ servers: s.env['NATS_URL'], noAsyncTraces: true });
    const admin = await s.loginAdmin();
    token = admin.accessToken;
    const deadline = Date.now() + 10_000;
    while (!(await s.sql(`SELECT 1 FROM notification.user_directory WHERE user_id = $1`, [admin.user.id])).length) {
      if (Date.now() > deadline) throw new Error('admin never reached the notification directory');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    await nc?.close();
    await s?.stop();
  });

  /** A failed sync: notification tells every super_admin (the bootstrap admin here). */
  const syncFailed = async () => {
    const id = uuidv7();
    const now = new Date().toISOString();
    const data = { integrationId: randomUUID(), kind: 'sipd', runId: randomUUID(), startedAt: now, finishedAt: now, error: 'SIPD answered 503' };
    await nc.jetstream().publish(s.env['NATS_PREFIX']! + INTEGRATION_EVENTS.syncFailed, codec.encode({ id, subject: INTEGRATION_EVENTS.syncFailed, occurredAt: now, producer: 'integration', data }), { msgID: id });
  };
  const ticket = async () => {
    const res = await s.http('POST', '/api/v1/ws/ticket', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.expiresIn).toBe(30);
    return res.body.data.ticket as string;
  };

  it('delivers each notification once to every client on both replicas', async () => {
    const a = await openWebSocket(s.base, await ticket());
    const b = await openWebSocket(second, await ticket());
    const c = await openEventStream(second, { token });
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toMatch(/^text\/event-stream/);
    await syncFailed();
    const [first] = await a.inbox.waitFor(1);
    expect(first).toMatchObject({ type: 'sync.failed', readAt: null, data: expect.objectContaining({ error: 'SIPD answered 503' }) });
    expect(first!.title).toBeTruthy();
    await b.inbox.waitFor(1);
    await c.inbox.waitFor(1);
    // A second one arriving proves the first was not delivered twice meanwhile.
    await syncFailed();
    for (const client of [a, b, c]) {
      const got = await client.inbox.waitFor(2);
      expect(got.map((m) => m.id)).toEqual([first!.id, got[1]!.id]);
      expect(new Set(got.map((m) => m.id)).size).toBe(2);
    }
    // The inbox holds the same notifications.
    const list = await s.http('GET', '/api/v1/notifications?limit=2', { token });
    expect(list.body.data.map((n: { id: string }) => n.id).sort()).toEqual(a.inbox.messages.map((m) => m.id).sort());
    a.close();
    b.close();
    c.close();
  });

  it('replays what an SSE client missed after Last-Event-ID, in order, then goes live', async () => {
    const first = await openEventStream(s.base, { token });
    await syncFailed();
    const [seen] = await first.inbox.waitFor(1);
    first.close();
    await syncFailed();
    await syncFailed();
    // Both are in the inbox (the consumer runs asynchronously) before the client comes back.
    let missed: string[] = [];
    const deadline = Date.now() + 10_000;
    while (missed.length < 2 && Date.now() < deadline) {
      const ids: string[] = (await s.http('GET', '/api/v1/notifications?limit=3', { token })).body.data.map((n: { id: string }) => n.id);
      if (ids[2] === seen!.id) missed = ids.slice(0, 2).reverse();
      else await new Promise((r) => setTimeout(r, 50));
    }
    const again = await openEventStream(second, { token, lastEventId: seen!.id });
    const replayed = await again.inbox.waitFor(2);
    expect(replayed.map((m) => m.id)).toEqual(missed);
    await syncFailed();
    const all = await again.inbox.waitFor(3);
    expect(new Set(all.map((m) => m.id)).size).toBe(3);
    again.close();
  });

  it('sends heartbeats so idle streams stay open through proxies', async () => {
    const stream = await openEventStream(s.base, { token });
    const deadline = Date.now() + 5000;
    while (stream.comments < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stream.comments).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it('takes a WebSocket ticket once; an SSE ticket reconnects the same user', async () => {
    const wsTicket = await ticket();
    const ws = await openWebSocket(s.base, wsTicket);
    await expect(openWebSocket(second, wsTicket)).rejects.toMatchObject({ status: 401 });
    ws.close();

    const sseTicket = await ticket();
    const one = await openEventStream(s.base, { ticket: sseTicket });
    const two = await openEventStream(second, { ticket: sseTicket });
    expect([one.status, two.status]).toEqual([200, 200]);
    one.close();
    two.close();
    // Once used for SSE it is no WebSocket ticket any more.
    await expect(openWebSocket(s.base, sseTicket)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses missing, unknown and wrong credentials with the error envelope', async () => {
    const none = await openEventStream(s.base, {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const unknown = await openEventStream(s.base, { ticket: 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    const badCursor = await s.http('GET', '/api/v1/stream/notifications?lastEventId=nope', { token });
    expect(badCursor.status).toBe(400);
    await expect(openWebSocket(s.base, 'y'.repeat(43))).rejects.toMatchObject({ status: 401 });
    const plainGet = await s.http('GET', `/api/v1/ws?ticket=${await ticket()}`);
    expect(plainGet.status).toBe(400);
    expect(plainGet.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await s.http('POST', '/api/v1/ws/ticket')).status).toBe(401);
  });

  it('closes a stream when its session is revoked', async () => {
    const member = { email: 'layar@e2e.test', password: 'Pantau-Kinerja-Daerah-2026' };
    const created = await s.http('POST', '/api/v1/users', { token, body: { ...member, name: 'Layar', role: 'viewer' } });
    expect(created.status).toBe(201);
    const session = await s.login(member.email, member.password);
    const stream = await openEventStream(s.base, { token: session.accessToken });
    expect(stream.status).toBe(200);
    let ended = false;
    void stream.ended.then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(ended).toBe(false);
    const res = await s.http('POST', '/api/v1/auth/logout', { token: session.accessToken, body: { refreshToken: session.refreshToken } });
    expect(res.status).toBe(204);
    // The next heartbeat (200 ms here) re-checks revocation and ends the stream.
    await stream.ended;
    expect(ended).toBe(true);
  });
});

import {
  CORE_EVENTS,
  DeadLetterView,
  GATEWAY_PUSH_SUBJECTS,
  type NotificationPushBatch,
  type NotificationsSince,
  type PushedNotification,
  INTEGRATION_EVENTS,
  NOTIFICATION_SUBJECTS,
  NotificationPreferencesView,
  NotificationView,
  REPORT_EVENTS,
  Role,
  type Page,
} from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { apiKeyAs, errorCodeOf } from '@sakip/testing';
import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';
import { startNotification, type NotificationHarness } from './notification-harness';
import { SmtpCatcher } from './smtp-catcher';

const transition = (opdId: string | null, fromStatus: string, toStatus: string, note: string | null = null) => ({
  achievementId: randomUUID(),
  indicatorId: randomUUID(),
  opdId,
  year: 2025,
  period: 'Q1',
  fromStatus,
  toStatus,
  actor: `user:${randomUUID()}`,
  note,
});

jest.setTimeout(30_000);

describe('notification (in-process, real SMTP server)', () => {
  let n: NotificationHarness;
  const smtp = new SmtpCatcher();

  beforeAll(async () => {
    await smtp.start();
    n = await startNotification({ SMTP_URL: smtp.url, NOTIFICATION_MAIL_RETRY_BASE_MS: '50', NOTIFICATION_MAIL_RETRY_MAX_MS: '200', NOTIFICATION_MAIL_MAX_ATTEMPTS: '4' });
  }, 60_000);

  afterAll(async () => {
    await n?.close();
    await smtp.stop();
  });

  const inbox = (userId: string) => n.sql<{ id: string; type: string; title: string }>(`SELECT id, type, title FROM notification.notifications WHERE user_id = $1 ORDER BY created_at`, [userId]);
  const deliveries = (eventId: string) =>
    n.sql<{ user_id: string; status: string; attempts: number; message_id: string; last_error: string | null; recipient: string }>(
      `SELECT user_id, status, attempts, message_id, last_error, recipient FROM notification.deliveries WHERE event_id = $1 ORDER BY user_id`,
      [eventId],
    );
  /** Runs the worker until every delivery of the event has left `pending` (retries are due after short back-offs). */
  const drain = (eventId: string) =>
    n.until(async () => {
      await n.worker.runOnce();
      const rows = await deliveries(eventId);
      return rows.length > 0 && rows.every((r) => r.status !== 'pending') ? rows : null;
    }, `deliveries of ${eventId} settled`);

  it('submitted → every active evaluator, once, in-app and by mail with the Message-ID; a redelivery adds nothing', async () => {
    const opd = randomUUID();
    const [e1, e2] = [await n.addUser(Role.Evaluator), await n.addUser(Role.Evaluator)];
    const admin = await n.addUser(Role.AdminOpd, opd);
    const data = transition(opd, 'draft', 'submitted');
    const eventId = await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', data);
    await n.until(async () => (await inbox(e1.id)).length && (await inbox(e2.id)).length, 'evaluators notified');
    // The same event again (a relay re-publish with a new broker id): the inbox dedupes, the UNIQUE keys too.
    await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', data, eventId);
    expect((await inbox(admin.id)).length).toBe(0);
    expect(await inbox(e1.id)).toEqual([expect.objectContaining({ type: 'achievement.submitted', title: 'Capaian TW I 2025 menunggu verifikasi' })]);

    const rows = await drain(eventId);
    const mine = rows.filter((r) => r.user_id === e1.id || r.user_id === e2.id);
    expect(mine.map((r) => r.status)).toEqual(['sent', 'sent']);
    const mail = smtp.mails.filter((m) => m.to.includes(e1.email));
    expect(mail).toHaveLength(1);
    expect(mail[0].messageId).toBe(`<${eventId}.${e1.id}@sakip>`);
    expect(mail[0].subject).toBe('Capaian TW I 2025 menunggu verifikasi');
    // Nothing more to send: a further round sends no second copy.
    await n.worker.runOnce();
    expect(smtp.mails.filter((m) => m.to.includes(e1.email))).toHaveLength(1);
  });

  it('workers running side by side (SKIP LOCKED) send each mail once', async () => {
    await n.addUser(Role.Evaluator);
    const eventId = await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', transition(randomUUID(), 'draft', 'submitted'));
    await n.until(async () => (await deliveries(eventId)).length, 'deliveries queued');
    await n.until(async () => {
      await Promise.all([n.worker.runOnce(), n.worker.runOnce(), n.worker.runOnce()]);
      return (await deliveries(eventId)).every((r) => r.status === 'sent');
    }, 'all sent');
    const rows = await deliveries(eventId);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const ids = smtp.mails.map((m) => m.messageId).filter((id) => id?.startsWith(`<${eventId}.`));
    expect(ids.sort()).toEqual(rows.map((r) => r.message_id).sort());
  });

  it('returned / verified → that OPD\'s admin_opd users only; locked → nobody', async () => {
    const opd = randomUUID();
    const admin = await n.addUser(Role.AdminOpd, opd);
    const viewer = await n.addUser(Role.Viewer, opd);
    const otherAdmin = await n.addUser(Role.AdminOpd, randomUUID());
    await n.publishEvent(CORE_EVENTS.achievementReturned, 'core', transition(opd, 'submitted', 'revision', 'Bukti belum lengkap'));
    await n.publishEvent(CORE_EVENTS.achievementVerified, 'core', transition(opd, 'submitted', 'verified'));
    await n.publishEvent(CORE_EVENTS.achievementLocked, 'core', transition(opd, 'verified', 'locked'));
    await n.until(async () => (await inbox(admin.id)).length === 2, 'admin notified twice');
    expect((await inbox(admin.id)).map((r) => r.type).sort()).toEqual(['achievement.returned', 'achievement.verified']);
    expect(await inbox(viewer.id)).toEqual([]);
    expect(await inbox(otherAdmin.id)).toEqual([]);
  });

  it('evaluation published → the OPD\'s admin_opd and viewers; report → its requester; sync failed → super_admins', async () => {
    const opd = randomUUID();
    const admin = await n.addUser(Role.AdminOpd, opd);
    const viewer = await n.addUser(Role.Viewer, opd);
    const requester = await n.addUser(Role.AdminOpd, randomUUID());
    const superAdmin = await n.addUser(Role.SuperAdmin);
    await n.publishEvent(CORE_EVENTS.evaluationPublished, 'core', { evaluationId: randomUUID(), opdId: opd, year: 2025, score: '78.50', grade: 'BB', publishedAt: new Date().toISOString() });
    const job = { reportId: randomUUID(), kind: 'lkjip', format: 'pdf', opdId: null, year: 2025, requestedBy: requester.caller.actor };
    await n.publishEvent(REPORT_EVENTS.reportCompleted, 'report', { ...job, fileId: randomUUID() });
    await n.publishEvent(INTEGRATION_EVENTS.syncFailed, 'integration', {
      integrationId: randomUUID(), kind: 'sipd', runId: randomUUID(), startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), error: 'timeout',
    });
    await n.until(async () => (await inbox(viewer.id)).length && (await inbox(requester.id)).length && (await inbox(superAdmin.id)).length, 'all notified');
    expect((await inbox(admin.id)).map((r) => r.type)).toEqual(['evaluation.published']);
    expect((await inbox(requester.id)).map((r) => r.type)).toEqual(['report.completed']);
    expect((await inbox(superAdmin.id)).map((r) => r.type)).toContain('sync.failed');
  });

  it('pushes each new in-app notification to the gateways once, after commit; a redelivery pushes nothing; replay by id', async () => {
    const evaluator = await n.addUser(Role.Evaluator);
    const pushed: PushedNotification[] = [];
    const sub = n.nc.subscribe(n.stack.env['NATS_PREFIX']! + GATEWAY_PUSH_SUBJECTS.notification, {
      callback: (_err, msg) => pushed.push(...JSONCodec<NotificationPushBatch>().decode(msg.data).items.filter((i) => i.userId === evaluator.id)),
    });
    await n.nc.flush();
    const first = transition(randomUUID(), 'draft', 'submitted');
    const eventId = await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', first);
    await n.until(async () => pushed.length === 1, 'first push');
    const [row] = await inbox(evaluator.id);
    expect(pushed[0]!.message).toMatchObject({ id: row!.id, type: 'achievement.submitted', title: row!.title, readAt: null });
    // The same event again (a redelivery under a new stream id) inserts nothing, so pushes nothing:
    // the next push is the next event's.
    await n.nc.jetstream().publish(n.stack.env['NATS_PREFIX']! + CORE_EVENTS.achievementSubmitted, JSONCodec().encode({ id: eventId, subject: CORE_EVENTS.achievementSubmitted, occurredAt: new Date().toISOString(), producer: 'core', data: first }), { msgID: uuidv7() });
    await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', transition(randomUUID(), 'draft', 'submitted'));
    await n.until(async () => pushed.length >= 2, 'second push');
    await n.until(async () => (await inbox(evaluator.id)).length === 2, 'two in the inbox');
    expect(pushed.map((p) => p.message.id)).toEqual((await inbox(evaluator.id)).map((r) => r.id));
    sub.unsubscribe();

    const since = await n.call<NotificationsSince>(NOTIFICATION_SUBJECTS.inboxSince, { afterId: pushed[0]!.message.id }, evaluator.caller);
    expect(since).toEqual({ items: [pushed[1]!.message], hasMore: false });
    const one = await n.call<NotificationsSince>(NOTIFICATION_SUBJECTS.inboxSince, { afterId: '00000000-0000-7000-8000-000000000000', limit: 1 }, evaluator.caller);
    expect(one).toEqual({ items: [pushed[0]!.message], hasMore: true });
    const stranger = await n.addUser(Role.Evaluator);
    expect((await n.call<NotificationsSince>(NOTIFICATION_SUBJECTS.inboxSince, { afterId: pushed[0]!.message.id }, stranger.caller)).items.map((i) => i.id)).not.toContain(pushed[1]!.message.id);
    expect(await errorCodeOf(n.call(NOTIFICATION_SUBJECTS.inboxSince, { afterId: 'nope' }, evaluator.caller))).toBe('VALIDATION_FAILED');
  });

  it('inbox over RPC: own only, unread filter, paged, mark read (404 for another\'s), read-all', async () => {
    const evaluator = await n.addUser(Role.Evaluator);
    const other = await n.addUser(Role.Evaluator);
    for (let i = 0; i < 3; i++) await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', transition(randomUUID(), 'draft', 'submitted'));
    await n.until(async () => (await inbox(evaluator.id)).length === 3 && (await inbox(other.id)).length === 3, 'three each');

    const page = await n.call<Page<NotificationView>>(NOTIFICATION_SUBJECTS.inboxList, { limit: 2 }, evaluator.caller);
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items).toHaveLength(2);
    const theirs = (await inbox(other.id))[0];
    expect(await errorCodeOf(n.call(NOTIFICATION_SUBJECTS.inboxRead, { id: theirs.id }, evaluator.caller))).toBe('NOT_FOUND');

    const read = await n.call<NotificationView>(NOTIFICATION_SUBJECTS.inboxRead, { id: page.items[0].id }, evaluator.caller);
    expect(read.readAt).not.toBeNull();
    const unread = await n.call<Page<NotificationView>>(NOTIFICATION_SUBJECTS.inboxList, { unread: true }, evaluator.caller);
    expect(unread.total).toBe(2);
    expect(await n.call(NOTIFICATION_SUBJECTS.inboxReadAll, {}, evaluator.caller)).toEqual({ updated: 2 });
    expect((await n.call<Page<NotificationView>>(NOTIFICATION_SUBJECTS.inboxList, { unread: true }, evaluator.caller)).total).toBe(0);
    // The other evaluator's inbox is untouched.
    expect((await n.call<Page<NotificationView>>(NOTIFICATION_SUBJECTS.inboxList, { unread: true }, other.caller)).total).toBe(3);
    // Personal: no API key reaches it.
    expect(await errorCodeOf(n.call(NOTIFICATION_SUBJECTS.inboxList, {}, apiKeyAs(Role.SuperAdmin, null, ['achievements:read'])))).toBe('FORBIDDEN');
  });

  it('preferences: defaults, English, e-mail off for a type → in-app only, and the mail in English otherwise', async () => {
    const evaluator = await n.addUser(Role.Evaluator);
    const defaults = await n.call<NotificationPreferencesView>(NOTIFICATION_SUBJECTS.preferencesGet, {}, evaluator.caller);
    expect(defaults.language).toBe('id');
    expect(defaults.preferences).toContainEqual({ type: 'achievement.submitted', channel: 'email', enabled: true });
    expect(defaults.preferences).toContainEqual({ type: 'report.completed', channel: 'email', enabled: false });

    expect(await errorCodeOf(n.call(NOTIFICATION_SUBJECTS.preferencesUpdate, { preferences: [{ type: 'nope', channel: 'email', enabled: true }] }, evaluator.caller))).toBe('VALIDATION_FAILED');
    const updated = await n.call<NotificationPreferencesView>(
      NOTIFICATION_SUBJECTS.preferencesUpdate,
      { language: 'en', preferences: [{ type: 'achievement.submitted', channel: 'email', enabled: false }] },
      evaluator.caller,
    );
    expect(updated.language).toBe('en');
    expect(updated.preferences).toContainEqual({ type: 'achievement.submitted', channel: 'email', enabled: false });
    expect((await n.sql(`SELECT 1 FROM notification.audit_log WHERE row_id = $1`, [evaluator.id])).length).toBe(1);

    const eventId = await n.publishEvent(CORE_EVENTS.achievementSubmitted, 'core', transition(randomUUID(), 'draft', 'submitted'));
    await n.until(async () => (await inbox(evaluator.id)).length, 'in-app notice');
    expect((await inbox(evaluator.id))[0].title).toBe('Achievement for Q1 2025 awaits verification');
    await n.until(async () => (await deliveries(eventId)).length, 'deliveries queued');
    expect((await deliveries(eventId)).map((d) => d.user_id)).not.toContain(evaluator.id);
  });

  it('a mail server that is down delays mail and loses none; a refused mailbox ends as a dead letter', async () => {
    const admin = await n.addUser(Role.AdminOpd, randomUUID());
    const superAdmin = await n.addUser(Role.SuperAdmin);
    await smtp.stop();
    const eventId = await n.publishEvent(CORE_EVENTS.achievementReturned, 'core', transition(admin.opdId, 'submitted', 'revision', 'Revisi'));
    await n.until(async () => (await deliveries(eventId)).length, 'delivery queued');
    // Earlier tests left mail due too: run rounds until this one has been tried.
    const [failed] = await n.until(async () => {
      await n.worker.runOnce();
      const rows = await deliveries(eventId);
      return rows[0]?.attempts ? rows : null;
    }, 'a first attempt');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toBeTruthy();

    await smtp.start(); // same port
    const [sent] = await drain(eventId);
    expect(sent.status).toBe('sent');
    expect(smtp.mails.filter((m) => m.messageId === `<${eventId}.${admin.id}@sakip>`)).toHaveLength(1);

    const refused = await n.addUser(Role.AdminOpd, randomUUID(), `gone.${uuidv7().slice(-8)}@pemda.test`);
    smtp.refused.add(refused.email);
    const deadId = await n.publishEvent(CORE_EVENTS.achievementVerified, 'core', transition(refused.opdId, 'submitted', 'verified'));
    await n.until(async () => (await deliveries(deadId)).length, 'delivery queued');
    const [dead] = await drain(deadId);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });

    const letters = await n.call<Page<DeadLetterView>>(NOTIFICATION_SUBJECTS.deadLetterList, {}, superAdmin.caller);
    expect(letters.items).toContainEqual(expect.objectContaining({ eventId: deadId, userId: refused.id, recipient: refused.email, channel: 'email', attempts: 1 }));
    expect(await errorCodeOf(n.call(NOTIFICATION_SUBJECTS.deadLetterList, {}, admin.caller))).toBe('FORBIDDEN');
  });

  it('out of attempts (server never back) → dead with the last error', async () => {
    const admin = await n.addUser(Role.AdminOpd, randomUUID());
    await smtp.stop();
    try {
      const eventId = await n.publishEvent(CORE_EVENTS.achievementVerified, 'core', transition(admin.opdId, 'submitted', 'verified'));
      await n.until(async () => (await deliveries(eventId)).length, 'delivery queued');
      const [dead] = await drain(eventId);
      expect(dead).toMatchObject({ status: 'dead', attempts: 4 });
      expect(dead.last_error).toBeTruthy();
    } finally {
      await smtp.start();
    }
  });
});

import { AUTH_EVENTS, CORE_SUBJECTS, ErrorCode, Role, type AuditLogView, type AuditRecordedV1, type EventEnvelope, type OpdView, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { eventually } from '@sakip/testing';
import { JSONCodec, type JetStreamClient } from 'nats';
import { randomUUID } from 'node:crypto';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const admin = callerAs(Role.SuperAdmin);
const codec = JSONCodec();

describe('audit store (integration)', () => {
  let core: CoreHarness;
  let js: JetStreamClient;
  let prefix: string;

  const query = (q: Record<string, unknown> = {}, who = admin) => core.call<Page<AuditLogView>>(CORE_SUBJECTS.auditQuery, q, who);
  const stored = (id: string) => core.sql(`SELECT * FROM core.audit_store WHERE id = $1`, [id]);

  /** Publishes as auth's relay would: the envelope on the prefixed subject, Nats-Msg-Id = envelope id unless told otherwise. */
  const publishAuthAudit = async (data: AuditRecordedV1, o: { envelopeId?: string; msgId?: string } = {}) => {
    const envelope: EventEnvelope = { id: o.envelopeId ?? uuidv7(), subject: AUTH_EVENTS.auditRecorded, occurredAt: data.occurredAt, producer: 'auth', data };
    await js.publish(prefix + AUTH_EVENTS.auditRecorded, codec.encode(envelope), { msgID: o.msgId ?? envelope.id });
    return envelope;
  };
  const authAudit = (over: Partial<AuditRecordedV1> = {}): AuditRecordedV1 => ({
    auditId: uuidv7(),
    service: 'auth',
    occurredAt: new Date().toISOString(),
    actor: 'anonymous',
    ip: '198.51.100.7',
    requestId: 'req-1',
    operation: 'login_failed',
    table: 'users',
    rowId: null,
    oldValues: null,
    newValues: { email: 'someone@pemda.test' },
    ...over,
  });

  beforeAll(async () => {
    core = await startCore({ OUTBOX_POLL_MS: '100' });
    prefix = core.stack.env['NATS_PREFIX'] ?? '';
    js = core.nc.jetstream();
  });
  afterAll(() => core?.close());

  it("stores core's own audit rows through the event path", async () => {
    const opd = await core.call<OpdView>(CORE_SUBJECTS.opdCreate, { code: 'AUDIT1', name: 'Inspektorat' }, admin);
    const page = await eventually(async () => {
      const found = await query({ table: 'opds', rowId: opd.id });
      return found.total > 0 && found;
    }, { what: 'the OPD insert in the audit store', timeoutMs: 10_000 });
    const [local] = await core.sql(`SELECT id, occurred_at FROM core.audit_log WHERE table_name = 'opds' AND row_id = $1`, [opd.id]);
    expect(page.items).toEqual([
      {
        id: local.id,
        service: 'core',
        occurredAt: local.occurred_at.toISOString(),
        actor: admin.actor,
        userId: admin.sub,
        ip: admin.ip,
        requestId: expect.any(String),
        operation: 'insert',
        table: 'opds',
        rowId: opd.id,
        oldValues: null,
        newValues: expect.objectContaining({ code: 'AUDIT1', name: 'Inspektorat' }),
      },
    ]);
  });

  it('stores an event of another service once, though it is delivered twice', async () => {
    const data = authAudit();
    const envelope = await publishAuthAudit(data);
    // The same envelope again under another Nats-Msg-Id: the broker keeps both, the inbox skips the second.
    await publishAuthAudit(data, { envelopeId: envelope.id, msgId: `${envelope.id}-again` });
    // A re-emitted row under a new envelope id: the store's key skips it.
    await publishAuthAudit(data);
    await eventually(async () => (await stored(data.auditId)).length > 0, { what: 'the auth audit row', timeoutMs: 10_000 });
    const marker = authAudit({ operation: 'marker' });
    await publishAuthAudit(marker);
    await eventually(async () => (await stored(marker.auditId)).length > 0, { what: 'the marker after the duplicates', timeoutMs: 10_000 });
    const [row] = await stored(data.auditId);
    expect(row).toMatchObject({ service: 'auth', actor: 'anonymous', user_id: null, ip: '198.51.100.7', request_id: 'req-1', operation: 'login_failed', table_name: 'users', new_values: { email: 'someone@pemda.test' } });
    expect(await core.sql(`SELECT id FROM core.audit_store WHERE id = $1`, [data.auditId])).toHaveLength(1);
    expect(await core.sql(`SELECT event_id FROM core.inbox WHERE event_id = $1`, [envelope.id])).toHaveLength(1);
  });

  describe('GET /audit-logs filters', () => {
    const userId = randomUUID();
    const rowId = randomUUID();
    const early = authAudit({ occurredAt: '2024-01-01T00:00:00.000Z', actor: `user:${userId}`, operation: 'update', table: 'users', rowId, oldValues: { name: 'A' }, newValues: { name: 'B' } });
    const late = authAudit({ occurredAt: '2024-06-01T00:00:00.000Z', actor: `user:${userId}`, operation: 'deactivate', table: 'users', rowId });
    const keyed = authAudit({ occurredAt: '2024-03-01T00:00:00.000Z', actor: 'apikey:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', operation: 'apikey_used', table: 'api_keys', rowId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });

    beforeAll(async () => {
      for (const a of [late, keyed, early]) await publishAuthAudit(a);
      await eventually(async () => (await stored(early.auditId)).length > 0, { what: 'the fixtures', timeoutMs: 10_000 });
    });

    const ids = async (q: Record<string, unknown>) => (await query(q)).items.map((i) => i.id);

    it('filters by user, row, table, service, actor and operation', async () => {
      expect(await ids({ userId })).toEqual([late.auditId, early.auditId]);
      expect(await ids({ table: 'users', rowId })).toEqual([late.auditId, early.auditId]);
      expect(await ids({ service: 'auth', table: 'api_keys' })).toEqual([keyed.auditId]);
      expect(await ids({ actor: keyed.actor })).toEqual([keyed.auditId]);
      expect(await ids({ userId, operation: 'update' })).toEqual([early.auditId]);
      expect(await ids({ service: 'report' })).toEqual([]);
      const [first] = (await query({ rowId, operation: 'update' })).items;
      expect(first).toMatchObject({ userId, oldValues: { name: 'A' }, newValues: { name: 'B' } });
    });

    it('bounds occurredAt with from and to (inclusive) and sorts newest first unless asked', async () => {
      expect(await ids({ rowId, from: '2024-01-01T00:00:00Z', to: '2024-05-31T23:59:59Z' })).toEqual([early.auditId]);
      expect(await ids({ userId, from: '2024-06-01T00:00:00.000Z' })).toEqual([late.auditId]);
      expect(await ids({ userId, to: '2024-01-01T07:00:00+07:00' })).toEqual([early.auditId]);
      expect(await ids({ from: '2023-12-31T00:00:00Z', to: '2024-12-31T00:00:00Z' })).toEqual([late.auditId, keyed.auditId, early.auditId]);
      expect(await ids({ from: '2023-12-31T00:00:00Z', to: '2024-12-31T00:00:00Z', sort: 'occurredAt' })).toEqual([early.auditId, keyed.auditId, late.auditId]);
      const page = await query({ from: '2023-12-31T00:00:00Z', to: '2024-12-31T00:00:00Z', limit: 2, offset: 2 });
      expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
      expect(page.items.map((i) => i.id)).toEqual([early.auditId]);
    });

    it.each([
      [{ from: '2024-06-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, 'from'],
      [{ from: '2024-06-01' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
      [{ userId: 'me' }, 'userId'],
      [{ service: 'billing' }, 'service'],
      [{ sort: 'actor' }, 'sort'],
      [{ ip: '1.2.3.4' }, 'ip'],
    ])('refuses %p with 400 on %s', async (q, field) => {
      const err = await query(q).catch((e: unknown) => e as { code: string; details: Array<{ field: string }> });
      expect(err).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((err as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(field);
    });
  });

  it.each([
    ['admin_opd', callerAs(Role.AdminOpd, randomUUID())],
    ['evaluator', callerAs(Role.Evaluator)],
    ['viewer', callerAs(Role.Viewer)],
    ['a super_admin API key', apiKeyAs(Role.SuperAdmin, null, ['opds:read', 'plans:read', 'performance:read'])],
  ])('refuses %s (403)', async (_label, who) => {
    expect(await errorCodeOf(query({}, who))).toBe(ErrorCode.Forbidden);
  });
});

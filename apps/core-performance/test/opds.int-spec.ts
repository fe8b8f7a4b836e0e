import { CORE_EVENTS, CORE_SUBJECTS, ErrorCode, Role, type OpdHeadUpsertResult, type OpdSnapshotPage, type OpdView, type Page } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const admin = callerAs(Role.SuperAdmin);

describe('OPDs (integration)', () => {
  let core: CoreHarness;
  let a: OpdView;
  let b: OpdView;

  const create = (body: Record<string, unknown>, who = admin) => core.call<OpdView>(CORE_SUBJECTS.opdCreate, body, who);
  const get = (id: string, who = admin) => core.call<OpdView>(CORE_SUBJECTS.opdGet, { id }, who);
  const list = (q: Record<string, unknown> = {}, who = admin) => core.call<Page<OpdView>>(CORE_SUBJECTS.opdQuery, q, who);
  const update = (body: Record<string, unknown>, who = admin) => core.call<OpdView>(CORE_SUBJECTS.opdUpdate, body, who);
  const remove = (id: string, who = admin) => core.call<null>(CORE_SUBJECTS.opdDelete, { id }, who);
  const events = async (opdId: string) =>
    (await core.sql<{ data: any }>(`SELECT data FROM core.outbox WHERE subject = $1 ORDER BY id`, [CORE_EVENTS.opdChanged])).map((r) => r.data).filter((d) => d.opdId === opdId);
  const audits = (rowId: string) => core.sql(`SELECT operation, actor, ip, old_values, new_values FROM core.audit_log WHERE table_name = 'opds' AND row_id = $1 ORDER BY id`, [rowId]);
  const opdCount = async () => Number((await core.sql(`SELECT count(*) AS n FROM core.opds`))[0].n);

  beforeAll(async () => {
    core = await startCore();
    a = await create({ code: 'DINKES', name: 'Dinas Kesehatan', shortName: 'Dinkes', headName: 'dr. Siti', headPosition: 'Kepala Dinas Kesehatan', headRank: 'IV/c' });
    b = await create({ code: '1.01.0.00.0.00.01.0000', name: 'Dinas Pendidikan' });
  });
  afterAll(() => core?.close());

  describe('create', () => {
    it('answers the view with server-set fields', () => {
      expect(a).toEqual({
        id: expect.any(String),
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        shortName: 'Dinkes',
        headName: 'dr. Siti',
        headPosition: 'Kepala Dinas Kesehatan',
        headRank: 'IV/c',
        headNip: null,
        isActive: true,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('emits opd.changed with the head only when name and position are set, and audits the insert', async () => {
      expect(await events(a.id)).toEqual([
        { opdId: a.id, change: 'created', code: 'DINKES', name: 'Dinas Kesehatan', isActive: true, head: { name: 'dr. Siti', position: 'Kepala Dinas Kesehatan', rank: 'IV/c', nip: null }, version: 1 },
      ]);
      expect((await events(b.id))[0]).toMatchObject({ change: 'created', head: null });
      const [row] = await audits(a.id);
      expect(row).toMatchObject({ operation: 'insert', actor: admin.actor, ip: admin.ip, old_values: null, new_values: { code: 'DINKES', name: 'Dinas Kesehatan' } });
    });

    it('refuses a duplicate code, whatever its case (409), writing nothing', async () => {
      const before = await opdCount();
      const err = await create({ code: 'dinkes', name: 'Another' }).catch((e: unknown) => e as { code: string; details: unknown[] });
      expect(err).toMatchObject({ code: ErrorCode.Conflict, details: [{ field: 'code' }] });
      expect(await opdCount()).toBe(before);
    });

    it.each([
      ['a missing name', { code: 'X1' }, 'name'],
      ['a code with spaces', { code: 'A B', name: 'N' }, 'code'],
      ['a code longer than 50', { code: 'C'.repeat(51), name: 'N' }, 'code'],
      ['a server-set field', { code: 'X2', name: 'N', isActive: false }, 'isActive'],
      ['an id', { id: randomUUID(), code: 'X3', name: 'N' }, 'id'],
    ])('refuses %s with 400, writing nothing', async (_label, body, field) => {
      const before = await opdCount();
      const err = await create(body).catch((e: unknown) => e as { code: string; details: Array<{ field: string }> });
      expect(err).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((err as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(field);
      expect(await opdCount()).toBe(before);
    });
  });

  describe('who may do what', () => {
    it.each([Role.AdminOpd, Role.Evaluator, Role.Viewer])('refuses create, update and delete by %s (403)', async (role) => {
      const who = callerAs(role, role === Role.Evaluator ? null : a.id);
      expect(await errorCodeOf(create({ code: 'NEW', name: 'New' }, who))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(update({ id: a.id, name: 'Renamed' }, who))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(remove(a.id, who))).toBe(ErrorCode.Forbidden);
      // 403 before any lookup: an unknown id answers the same.
      expect(await errorCodeOf(remove(randomUUID(), who))).toBe(ErrorCode.Forbidden);
      expect((await get(a.id)).version).toBe(1);
    });

    it('lets admin_opd and a bound viewer see only their own OPD: another is 404, lists hold just theirs', async () => {
      for (const who of [callerAs(Role.AdminOpd, a.id), callerAs(Role.Viewer, a.id), apiKeyAs(Role.AdminOpd, a.id, ['opds:read'])]) {
        expect((await get(a.id, who)).id).toBe(a.id);
        expect(await errorCodeOf(get(b.id, who))).toBe(ErrorCode.NotFound);
        const page = await list({}, who);
        expect(page.items.map((o) => o.id)).toEqual([a.id]);
        expect(page.total).toBe(1);
        expect((await list({ code: b.code }, who)).items).toEqual([]);
        expect((await list({ q: 'Pendidikan' }, who)).total).toBe(0);
      }
    });

    it('lets evaluator and an unbound viewer see every OPD', async () => {
      for (const who of [callerAs(Role.Evaluator), callerAs(Role.Viewer)]) {
        expect((await get(b.id, who)).id).toBe(b.id);
        expect((await list({}, who)).total).toBe(2);
      }
    });

    it('refuses a key without opds:read', async () => {
      expect(await errorCodeOf(list({}, apiKeyAs(Role.SuperAdmin, null, ['plans:read'])))).toBe(ErrorCode.Forbidden);
    });
  });

  describe('read', () => {
    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect(await errorCodeOf(get(randomUUID()))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(get('not-a-uuid'))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(update({ id: 'not-a-uuid', name: 'x' }))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(remove('42'))).toBe(ErrorCode.ValidationFailed);
    });

    it('filters by code (case-insensitive), isActive and q, and sorts by the listed fields', async () => {
      expect((await list({ code: 'dinkes' })).items.map((o) => o.id)).toEqual([a.id]);
      expect((await list({ q: 'pendidik' })).items.map((o) => o.id)).toEqual([b.id]);
      expect((await list({ q: 'dinkes' })).items.map((o) => o.id)).toEqual([a.id]); // short name
      expect((await list({ q: '%' })).total).toBe(0); // LIKE wildcards are literal
      expect((await list({ isActive: false })).total).toBe(0);
      expect((await list({ sort: '-name' })).items.map((o) => o.name)).toEqual(['Dinas Pendidikan', 'Dinas Kesehatan']);
      expect((await list({ sort: 'code' })).items.map((o) => o.code)).toEqual(['1.01.0.00.0.00.01.0000', 'DINKES']);
      expect((await list({ sort: 'createdAt', limit: 1, offset: 1 })).items.map((o) => o.id)).toEqual([b.id]);
      expect(await errorCodeOf(list({ sort: 'headName' }))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(list({ limit: 101 }))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(list({ opdId: a.id }))).toBe(ErrorCode.ValidationFailed);
    });
  });

  describe('update', () => {
    it('changes only the fields sent, bumps the version, audits the difference and emits the new state', async () => {
      const updated = await update({ id: b.id, name: 'Dinas Pendidikan dan Kebudayaan', headName: 'Drs. Made', headPosition: 'Kepala Dinas', expectedVersion: 1 });
      expect(updated).toMatchObject({ code: b.code, name: 'Dinas Pendidikan dan Kebudayaan', headName: 'Drs. Made', headPosition: 'Kepala Dinas', shortName: null, version: 2 });
      expect((await events(b.id)).at(-1)).toEqual({
        opdId: b.id,
        change: 'updated',
        code: b.code,
        name: 'Dinas Pendidikan dan Kebudayaan',
        isActive: true,
        head: { name: 'Drs. Made', position: 'Kepala Dinas', rank: null, nip: null },
        version: 2,
      });
      expect((await audits(b.id)).at(-1)).toMatchObject({
        operation: 'update',
        old_values: { name: 'Dinas Pendidikan', headName: null, headPosition: null },
        new_values: { name: 'Dinas Pendidikan dan Kebudayaan', headName: 'Drs. Made', headPosition: 'Kepala Dinas' },
      });
    });

    it('clears optional fields with null and retires with isActive false', async () => {
      const updated = await update({ id: b.id, headPosition: null, isActive: false });
      expect(updated).toMatchObject({ headPosition: null, isActive: false, version: 3 });
      expect((await events(b.id)).at(-1)).toMatchObject({ isActive: false, head: null, version: 3 });
      expect((await list({ isActive: false })).items.map((o) => o.id)).toEqual([b.id]);
    });

    it('refuses a stale If-Match (412), a taken code (409) and an empty patch (400)', async () => {
      expect(await errorCodeOf(update({ id: b.id, name: 'X', expectedVersion: 1 }))).toBe(ErrorCode.PreconditionFailed);
      expect(await errorCodeOf(update({ id: b.id, code: 'DinKes' }))).toBe(ErrorCode.Conflict);
      expect(await errorCodeOf(update({ id: b.id }))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(update({ id: b.id, name: '' }))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(update({ id: randomUUID(), name: 'X' }))).toBe(ErrorCode.NotFound);
      expect((await get(b.id)).version).toBe(3);
    });

    it('writes nothing when every value sent is already in place', async () => {
      const before = await events(b.id);
      expect(await update({ id: b.id, name: 'Dinas Pendidikan dan Kebudayaan', isActive: false })).toMatchObject({ version: 3 });
      expect(await events(b.id)).toEqual(before);
    });
  });

  describe('delete', () => {
    it('refuses while a strategic plan refers to it (409), keeping the OPD', async () => {
      const c = await create({ code: 'BAPPEDA', name: 'Bappeda' });
      await core.sql(`INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $2, 2025, 2029, 'v', 'm')`, [randomUUID(), c.id]);
      expect(await errorCodeOf(remove(c.id))).toBe(ErrorCode.Conflict);
      expect((await get(c.id)).id).toBe(c.id);
      expect((await events(c.id)).map((e) => e.change)).toEqual(['created']);
    });

    it('refuses while an active user belongs to it (409)', async () => {
      const d = await create({ code: 'DISHUB', name: 'Dinas Perhubungan' });
      const userId = randomUUID();
      await core.sql(`INSERT INTO core.user_directory (user_id, email, name, role, opd_id, is_active, version) VALUES ($1, 'x@pemda.test', 'X', 'admin_opd', $2, true, 1)`, [userId, d.id]);
      expect(await errorCodeOf(remove(d.id))).toBe(ErrorCode.Conflict);
      await core.sql(`UPDATE core.user_directory SET is_active = false WHERE user_id = $1`, [userId]);
      await remove(d.id);
    });

    it('honours If-Match: a stale, zero or never-matching version is 412 and keeps the OPD', async () => {
      const e = await create({ code: 'DISPORA', name: 'Dinas Pemuda dan Olahraga' });
      await update({ id: e.id, name: 'Dinas Pemuda, Olahraga' });
      for (const expectedVersion of [1, 0, 2147483647]) {
        expect(await errorCodeOf(core.call(CORE_SUBJECTS.opdDelete, { id: e.id, expectedVersion }, admin))).toBe(ErrorCode.PreconditionFailed);
      }
      // Beyond int4 the command itself is malformed (the gateway turns such an ETag into 2147483647).
      expect(await errorCodeOf(core.call(CORE_SUBJECTS.opdDelete, { id: e.id, expectedVersion: 9999999999 }, admin))).toBe(ErrorCode.ValidationFailed);
      expect((await get(e.id)).version).toBe(2);
      expect((await audits(e.id)).map((x) => x.operation)).toEqual(['insert', 'update']);
      expect(await core.call(CORE_SUBJECTS.opdDelete, { id: e.id, expectedVersion: 2 }, admin)).toBeNull();
      expect(await errorCodeOf(get(e.id))).toBe(ErrorCode.NotFound);
    });

    it('deletes an unreferenced OPD (then 404), audits it and emits deleted with the next version', async () => {
      await remove(b.id);
      expect(await errorCodeOf(get(b.id))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(remove(b.id))).toBe(ErrorCode.NotFound);
      expect((await events(b.id)).at(-1)).toMatchObject({ change: 'deleted', code: b.code, version: 4 });
      expect((await audits(b.id)).at(-1)).toMatchObject({ operation: 'delete', new_values: null, old_values: { id: b.id, code: b.code } });
    });
  });

  describe('core.opd.list.v1 (services only)', () => {
    it('pages through every OPD in id order with an opaque cursor', async () => {
      for (const n of [1, 2, 3]) await create({ code: `PAGE${n}`, name: `Page ${n}` });
      const all = (await core.sql<{ id: string }>(`SELECT id FROM core.opds ORDER BY id`)).map((r) => r.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await core.call<OpdSnapshotPage>(CORE_SUBJECTS.opdList, { limit: 2, ...(cursor ? { cursor } : {}) }, null);
        seen.push(...page.items.map((o) => o.opdId));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 50);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
    });

    it('carries the event-carried state', async () => {
      const page = await core.call<OpdSnapshotPage>(CORE_SUBJECTS.opdList, {}, null);
      expect(page.nextCursor).toBeNull();
      expect(page.items.find((o) => o.opdId === a.id)).toEqual({
        opdId: a.id,
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        isActive: true,
        head: { name: 'dr. Siti', position: 'Kepala Dinas Kesehatan', rank: 'IV/c', nip: null },
        version: 1,
      });
    });

    it('refuses a user identity (403) and bad paging (400)', async () => {
      expect(await errorCodeOf(core.call(CORE_SUBJECTS.opdList, {}, admin))).toBe(ErrorCode.Forbidden);
      for (const bad of [{ limit: 1001 }, { limit: 0 }, { cursor: 'tampered' }, { offset: 1 }]) {
        expect(await errorCodeOf(core.call(CORE_SUBJECTS.opdList, bad, null))).toBe(ErrorCode.ValidationFailed);
      }
    });
  });

  describe('core.opd.head.upsert.v1 (services only)', () => {
    const head = (opdId: string, over: Record<string, unknown> = {}) => ({ opdId, name: 'dr. Rina', position: 'Kepala Dinas Kesehatan', rank: 'IV/d', nip: '197001011995032001', ...over });
    const upsert = (body: Record<string, unknown>, who: ReturnType<typeof callerAs> | null = null) => core.call<OpdHeadUpsertResult>(CORE_SUBJECTS.opdHeadUpsert, body, who);

    it('sets the head, audited as system:integration, with the event', async () => {
      expect(await upsert(head(a.id))).toEqual({ opdId: a.id, changed: true });
      expect(await get(a.id)).toMatchObject({ headName: 'dr. Rina', headPosition: 'Kepala Dinas Kesehatan', headRank: 'IV/d', headNip: '197001011995032001', version: 2 });
      expect((await events(a.id)).at(-1)).toMatchObject({ change: 'updated', head: { name: 'dr. Rina', position: 'Kepala Dinas Kesehatan', rank: 'IV/d', nip: '197001011995032001' }, version: 2 });
      expect((await audits(a.id)).at(-1)).toMatchObject({ operation: 'update', actor: 'system:integration', ip: null, new_values: { headName: 'dr. Rina' } });
    });

    it('is idempotent: the same head again changes nothing and emits nothing', async () => {
      const eventsBefore = (await events(a.id)).length;
      const auditsBefore = (await audits(a.id)).length;
      expect(await upsert(head(a.id))).toEqual({ opdId: a.id, changed: false });
      expect((await get(a.id)).version).toBe(2);
      expect((await events(a.id)).length).toBe(eventsBefore);
      expect((await audits(a.id)).length).toBe(auditsBefore);
    });

    it('treats an empty rank or NIP as none', async () => {
      expect(await upsert(head(a.id, { rank: '', nip: null }))).toEqual({ opdId: a.id, changed: true });
      expect(await get(a.id)).toMatchObject({ headRank: null, headNip: null, version: 3 });
    });

    it('answers 404 for an unknown OPD, 403 for a user identity, 400 for a bad body', async () => {
      expect(await errorCodeOf(upsert(head(randomUUID())))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(upsert(head(a.id), admin))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(upsert(head(a.id, { name: '' })))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(upsert(head(a.id, { rank: undefined })))).toBe(ErrorCode.ValidationFailed);
      expect((await get(a.id)).version).toBe(3);
    });
  });
});

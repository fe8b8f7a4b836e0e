import { CORE_EVENTS, CORE_SUBJECTS, Role, type AchievementHistoryView, type AchievementView, type CallerIdentity, type Page } from '@sakip/contracts';
import { withPgClient } from '@sakip/persistence';
import { randomUUID } from 'node:crypto';
import { seedIndicator, seedOpd, seedPlan, type SeededPlan } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;

describe('achievements (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  let planA: SeededPlan;
  let planB: SeededPlan;
  let rpjmd: SeededPlan;
  let quarterlyA: string;
  let monthlyA: string;
  let quarterlyB: string;
  let pemdaIku: string;
  const superAdmin = callerAs(Role.SuperAdmin);
  const evaluator = callerAs(Role.Evaluator);
  const evaluator2 = callerAs(Role.Evaluator);
  let adminA: CallerIdentity;
  let adminB: CallerIdentity;
  let viewerA: CallerIdentity;

  const create = (body: Record<string, unknown>, who: CallerIdentity) => core.call<AchievementView>(S.achievementCreate, body, who);
  const rowCount = async (sql: string, params: unknown[] = []) => Number((await core.sql<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0].n);
  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return err as { code: string; message: string; details: Array<{ field?: string; message: string }> };
    }
    throw new Error('expected the call to fail');
  };

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    planA = await seedPlan(core, opdA);
    planB = await seedPlan(core, opdB);
    rpjmd = await seedPlan(core, null);
    quarterlyA = await seedIndicator(core, planA, { frequency: 'quarterly' });
    monthlyA = await seedIndicator(core, planA, { frequency: 'monthly' });
    quarterlyB = await seedIndicator(core, planB, { frequency: 'quarterly' });
    pemdaIku = await seedIndicator(core, rpjmd, { frequency: 'annual', isIku: true });
    adminA = callerAs(Role.AdminOpd, opdA);
    adminB = callerAs(Role.AdminOpd, opdB);
    viewerA = callerAs(Role.Viewer, opdA);
  }, 60_000);
  afterAll(() => core?.close());

  it('runs the whole workflow with history, audit and outbox rows', async () => {
    const created = await create({ indicatorId: quarterlyA, year: 2026, period: 'Q1', realization: 87.5, notes: 'TW I' }, adminA);
    expect(created).toMatchObject({
      indicatorId: quarterlyA,
      opdId: opdA,
      year: 2026,
      period: 'Q1',
      realization: 87.5,
      status: 'draft',
      notes: 'TW I',
      documentIds: [],
      inputBy: adminA.actor,
      verifiedBy: null,
      verifiedAt: null,
      submittedAt: null,
      version: 1,
    });
    const id = created.id;

    const submitted = await core.call<AchievementView>(S.achievementSubmit, { id }, adminA);
    expect(submitted).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.submittedAt).not.toBeNull();

    // Editing a submitted achievement is refused until it comes back.
    expect(await errorCodeOf(core.call(S.achievementUpdate, { id, realization: 90 }, adminA))).toBe('INVALID_STATE');

    const returned = await core.call<AchievementView>(S.achievementReturn, { id, note: 'Lampirkan bukti' }, evaluator);
    expect(returned.status).toBe('revision');

    const edited = await core.call<AchievementView>(S.achievementUpdate, { id, realization: 91.25, expectedVersion: returned.version }, adminA);
    expect(edited).toMatchObject({ status: 'revision', realization: 91.25, version: returned.version + 1 });

    await core.call(S.achievementSubmit, { id }, adminA);
    const verified = await core.call<AchievementView>(S.achievementVerify, { id }, evaluator);
    expect(verified).toMatchObject({ status: 'verified', verifiedBy: evaluator.actor });
    expect(verified.verifiedAt).not.toBeNull();

    expect(await errorCodeOf(core.call(S.achievementVerify, { id }, evaluator))).toBe('INVALID_STATE');
    expect(await errorCodeOf(core.call(S.achievementReturn, { id, note: 'x' }, evaluator))).toBe('INVALID_STATE');
    expect(await errorCodeOf(core.call(S.achievementSubmit, { id }, adminA))).toBe('INVALID_STATE');
    expect(await errorCodeOf(core.call(S.achievementUpdate, { id, notes: 'late' }, adminA))).toBe('INVALID_STATE');
    expect(await errorCodeOf(core.call(S.achievementDelete, { id }, adminA))).toBe('INVALID_STATE');

    const history = await core.call<AchievementHistoryView[]>(S.achievementHistory, { id }, viewerA);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actor, h.note])).toEqual([
      [null, 'draft', adminA.actor, null],
      ['draft', 'submitted', adminA.actor, null],
      ['submitted', 'revision', evaluator.actor, 'Lampirkan bukti'],
      ['revision', 'submitted', adminA.actor, null],
      ['submitted', 'verified', evaluator.actor, null],
    ]);

    const events = await core.sql<{ subject: string; data: Record<string, unknown> }>(
      `SELECT subject, data FROM core.outbox WHERE subject LIKE 'evt.core.achievement.%' AND data->>'achievementId' = $1 ORDER BY seq`,
      [id],
    );
    expect(events.map((e) => [e.subject, e.data['fromStatus'], e.data['toStatus']])).toEqual([
      [CORE_EVENTS.achievementSubmitted, 'draft', 'submitted'],
      [CORE_EVENTS.achievementReturned, 'submitted', 'revision'],
      [CORE_EVENTS.achievementSubmitted, 'revision', 'submitted'],
      [CORE_EVENTS.achievementVerified, 'submitted', 'verified'],
    ]);
    expect(events[1].data).toMatchObject({ achievementId: id, indicatorId: quarterlyA, opdId: opdA, year: 2026, period: 'Q1', actor: evaluator.actor, note: 'Lampirkan bukti' });

    const audits = await core.sql<{ operation: string }>(`SELECT operation FROM core.audit_log WHERE table_name = 'achievements' AND row_id = $1 ORDER BY occurred_at, id`, [id]);
    expect(audits.map((a) => a.operation)).toEqual(['insert', 'submit', 'return', 'update', 'submit', 'verify']);
    const first = await core.sql(`SELECT first_submitted_at < submitted_at AS resubmitted FROM core.achievements WHERE id = $1`, [id]);
    expect(first[0].resubmitted).toBe(true);
  });

  it('links only files the file service says the caller may see: an unknown id is a 400 naming it, nothing written', async () => {
    const [known, unknown] = [randomUUID(), randomUUID()];
    core.files.add(known);
    const before = await core.sql(`SELECT count(*)::int AS n FROM core.achievements`);
    const err = await create({ indicatorId: quarterlyA, year: 2026, period: 'Q3', realization: 10, documentIds: [known, unknown] }, adminA).catch((e) => e);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([{ field: 'documentIds', message: `no file ${unknown} that you may see` }]);
    expect(await core.sql(`SELECT count(*)::int AS n FROM core.achievements`)).toEqual(before);

    const a = await create({ indicatorId: quarterlyA, year: 2026, period: 'Q3', realization: 10, documentIds: [known] }, adminA);
    // An id already linked is not asked about again (the file may since have become invisible to this caller).
    core.files.delete(known);
    await core.call(S.achievementUpdate, { id: a.id, notes: 'tetap', documentIds: [known] }, adminA);
    expect(await errorCodeOf(core.call(S.achievementUpdate, { id: a.id, documentIds: [known, unknown] }, adminA))).toBe('VALIDATION_FAILED');
    await core.call(S.achievementDelete, { id: a.id }, adminA);
  });

  it('emits file links with the complete set on create, update and delete', async () => {
    const [f1, f2, f3] = [randomUUID(), randomUUID(), randomUUID()];
    [f1, f2, f3].forEach((f) => core.files.add(f));
    const a = await create({ indicatorId: quarterlyA, year: 2026, period: 'Q2', realization: 10, documentIds: [f1, f2] }, adminA);
    expect(a.documentIds).toEqual([f1, f2]);
    await core.call(S.achievementUpdate, { id: a.id, notes: 'no file change' }, adminA);
    await core.call(S.achievementUpdate, { id: a.id, documentIds: [f2, f3] }, adminA);
    await core.call(S.achievementDelete, { id: a.id }, adminA);
    const links = await core.sql<{ data: { fileIds: string[]; opdId: string; ownerType: string } }>(
      `SELECT data FROM core.outbox WHERE subject = $1 AND data->>'ownerId' = $2 ORDER BY seq`,
      [CORE_EVENTS.fileLinksChanged, a.id],
    );
    expect(links.map((l) => l.data.fileIds)).toEqual([[f1, f2], [f2, f3], []]);
    expect(links[0].data).toMatchObject({ ownerType: 'achievement', opdId: opdA });
    expect(await rowCount(`core.achievements WHERE id = $1`, [a.id])).toBe(0);
    expect(await rowCount(`core.achievement_history WHERE achievement_id = $1`, [a.id])).toBe(0);
    expect(await errorCodeOf(core.call(S.achievementGet, { id: a.id }, adminA))).toBe('NOT_FOUND');
  });

  describe('roles', () => {
    let submittedId: string;
    beforeAll(async () => {
      const a = await create({ indicatorId: quarterlyA, year: 2027, period: 'Q1', realization: 1 }, adminA);
      submittedId = (await core.call<AchievementView>(S.achievementSubmit, { id: a.id }, superAdmin)).id;
    });

    it('keeps verify and return with evaluators', async () => {
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: submittedId }, superAdmin))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: submittedId }, adminA))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementReturn, { id: submittedId, note: 'x' }, superAdmin))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: submittedId }, apiKeyAs(Role.Evaluator, null, ['achievements:write', 'achievements:read'])))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: randomUUID() }, superAdmin))).toBe('FORBIDDEN');
    });

    it('keeps writes with the OPD and super_admin', async () => {
      expect(await errorCodeOf(create({ indicatorId: quarterlyA, year: 2027, period: 'Q2', realization: 1 }, evaluator))).toBe('FORBIDDEN');
      const viewer = callerAs(Role.Viewer, opdA);
      expect(await errorCodeOf(create({ indicatorId: quarterlyA, year: 2027, period: 'Q2', realization: 1 }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: submittedId, realization: 2 }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementSubmit, { id: submittedId }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: submittedId }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementReturn, { id: submittedId, note: 'x' }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementDelete, { id: submittedId }, viewer))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.achievementSubmit, { id: submittedId }, null))).toBe('UNAUTHENTICATED');
      // Viewers read.
      expect((await core.call<AchievementView>(S.achievementGet, { id: submittedId }, viewer)).id).toBe(submittedId);
    });

    it('refuses an API key without achievements:write and writes nothing', async () => {
      const before = await rowCount('core.achievements');
      const auditsBefore = await rowCount('core.audit_log');
      const key = apiKeyAs(Role.AdminOpd, opdA, ['achievements:read']);
      expect(await errorCodeOf(create({ indicatorId: quarterlyA, year: 2027, period: 'Q3', realization: 1 }, key))).toBe('FORBIDDEN');
      expect(await rowCount('core.achievements')).toBe(before);
      expect(await rowCount('core.audit_log')).toBe(auditsBefore);
      // With the scope it may write, recorded as the key.
      const withScope = apiKeyAs(Role.AdminOpd, opdA, ['achievements:write']);
      const a = await create({ indicatorId: quarterlyA, year: 2027, period: 'Q3', realization: 1 }, withScope);
      expect(a.inputBy).toBe(withScope.actor);
    });

    it('lets only super_admin write Pemda IKU achievements', async () => {
      expect(await errorCodeOf(create({ indicatorId: pemdaIku, year: 2026, period: 'Y', realization: 5 }, adminA))).toBe('FORBIDDEN');
      const a = await create({ indicatorId: pemdaIku, year: 2026, period: 'Y', realization: 5 }, superAdmin);
      expect(a.opdId).toBeNull();
      expect(await errorCodeOf(core.call(S.achievementSubmit, { id: a.id }, adminA))).toBe('FORBIDDEN');
      // Bound callers read Pemda rows.
      expect((await core.call<AchievementView>(S.achievementGet, { id: a.id }, adminA)).id).toBe(a.id);
      await core.call(S.achievementSubmit, { id: a.id }, superAdmin);
      expect((await core.call<AchievementView>(S.achievementVerify, { id: a.id }, evaluator)).status).toBe('verified');
    });
  });

  describe('OPD scoping', () => {
    let foreign: AchievementView;
    beforeAll(async () => {
      foreign = await create({ indicatorId: quarterlyB, year: 2026, period: 'Q1', realization: 3 }, adminB);
    });

    it('answers 404 to every read, write and action on another OPD', async () => {
      const viewer = callerAs(Role.Viewer, opdA);
      for (const who of [adminA, viewer]) {
        expect(await errorCodeOf(core.call(S.achievementGet, { id: foreign.id }, who))).toBe('NOT_FOUND');
        expect(await errorCodeOf(core.call(S.achievementHistory, { id: foreign.id }, who))).toBe('NOT_FOUND');
      }
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: foreign.id, realization: 4 }, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.achievementDelete, { id: foreign.id }, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.achievementSubmit, { id: foreign.id }, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(create({ indicatorId: quarterlyB, year: 2026, period: 'Q2', realization: 1 }, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.achievementQuery, { opdId: opdB }, adminA))).toBe('NOT_FOUND');
      // Still a draft, untouched.
      const [row] = await core.sql(`SELECT status, realization, version FROM core.achievements WHERE id = $1`, [foreign.id]);
      expect(row).toEqual({ status: 'draft', realization: '3.0000', version: 1 });
    });

    it('never lists another OPD, and lists all of them for Pemda-wide roles', async () => {
      const mine = await core.call<Page<AchievementView>>(S.achievementQuery, { limit: 100 }, adminA);
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((a) => a.opdId === opdA || a.opdId === null)).toBe(true);
      const byIndicator = await core.call<Page<AchievementView>>(S.achievementQuery, { indicatorId: quarterlyB }, adminA);
      expect(byIndicator).toMatchObject({ items: [], total: 0 });
      const all = await core.call<Page<AchievementView>>(S.achievementQuery, { opdId: opdB }, evaluator);
      expect(all.items.map((a) => a.id)).toContain(foreign.id);
    });
  });

  describe('input checks', () => {
    const base = () => ({ indicatorId: monthlyA, year: 2026, period: 'M05', realization: 1 });

    it('refuses a period the frequency does not have, naming the allowed ones', async () => {
      const err = await errorOf(create({ ...base(), indicatorId: quarterlyA, period: 'M05' }, adminA));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toEqual([{ field: 'period', message: 'a quarterly indicator reports in Q1, Q2, Q3, Q4' }]);
      expect(await errorCodeOf(create({ ...base(), period: 'Q1' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(create({ ...base(), period: 'M13' }, adminA))).toBe('VALIDATION_FAILED');
    });

    it('refuses a year outside the strategic plan', async () => {
      const err = await errorOf(create({ ...base(), year: 2030 }, adminA));
      expect(err.details).toEqual([{ field: 'year', message: 'must lie in the plan period 2025–2029, got 2030' }]);
    });

    it.each([
      ['a string', '12.5'],
      ['5 decimals', 1.23456],
      ['16 digits', 123456789012.3456],
      ['NaN-like null', null],
    ])('refuses a realization given as %s', async (_name, realization) => {
      expect(await errorCodeOf(create({ ...base(), realization }, adminA))).toBe('VALIDATION_FAILED');
    });

    it('refuses malformed ids, too many or repeated documents, unknown fields and filters', async () => {
      expect(await errorCodeOf(core.call(S.achievementGet, { id: 'not-a-uuid' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(create({ ...base(), indicatorId: 'nope' }, adminA))).toBe('VALIDATION_FAILED');
      const docs = Array.from({ length: 21 }, () => randomUUID());
      expect(await errorCodeOf(create({ ...base(), documentIds: docs }, adminA))).toBe('VALIDATION_FAILED');
      const twice = randomUUID();
      expect(await errorCodeOf(create({ ...base(), documentIds: [twice, twice] }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(create({ ...base(), status: 'verified' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementQuery, { status: 'approved' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementQuery, { sort: 'realization' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementQuery, { period: 'TW1' }, adminA))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(create({ ...base(), indicatorId: randomUUID() }, adminA))).toBe('NOT_FOUND');
      expect(await rowCount(`core.achievements WHERE indicator_id = $1 AND period = 'M05'`, [monthlyA])).toBe(0);
    });

    it('keeps one achievement per indicator, year and period', async () => {
      await create({ ...base(), period: 'M06' }, adminA);
      expect(await errorCodeOf(create({ ...base(), period: 'M06', realization: 2 }, superAdmin))).toBe('CONFLICT');
    });

    it('needs a note of 1–2000 characters to return', async () => {
      const a = await create({ ...base(), period: 'M07' }, adminA);
      await core.call(S.achievementSubmit, { id: a.id }, adminA);
      expect(await errorCodeOf(core.call(S.achievementReturn, { id: a.id }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementReturn, { id: a.id, note: '   ' }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementReturn, { id: a.id, note: 'x'.repeat(2001) }, evaluator))).toBe('VALIDATION_FAILED');
      expect((await core.call<AchievementView>(S.achievementGet, { id: a.id }, adminA)).status).toBe('submitted');
    });

    it('answers 412, never 400 or 500, to a zero or never-matching version on edit, submit, verify and return', async () => {
      const a = await create({ ...base(), period: 'M09' }, adminA);
      // 2147483647: what the gateway makes of an ETag beyond int4 (versionFromIfMatch), e.g. "9999999999".
      for (const expectedVersion of [0, 2, 2147483647]) {
        expect(await errorCodeOf(core.call(S.achievementUpdate, { id: a.id, notes: 'x', expectedVersion }, adminA))).toBe('PRECONDITION_FAILED');
        expect(await errorCodeOf(core.call(S.achievementSubmit, { id: a.id, expectedVersion }, adminA))).toBe('PRECONDITION_FAILED');
      }
      // Beyond int4 the command itself is malformed: 400, not a database overflow.
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: a.id, notes: 'x', expectedVersion: 9999999999 }, adminA))).toBe('VALIDATION_FAILED');
      await core.call(S.achievementSubmit, { id: a.id, expectedVersion: 1 }, adminA);
      for (const expectedVersion of [0, 1, 2147483647]) {
        expect(await errorCodeOf(core.call(S.achievementVerify, { id: a.id, expectedVersion }, evaluator))).toBe('PRECONDITION_FAILED');
        expect(await errorCodeOf(core.call(S.achievementReturn, { id: a.id, note: 'n', expectedVersion }, evaluator))).toBe('PRECONDITION_FAILED');
      }
      expect(await errorCodeOf(core.call(S.achievementVerify, { id: a.id, expectedVersion: 9999999999 }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await core.call(S.achievementVerify, { id: a.id, expectedVersion: 2 }, evaluator)).toMatchObject({ status: 'verified', version: 3 });
    });

    it('answers 412 to a stale If-Match, and 400 to an empty update', async () => {
      const a = await create({ ...base(), period: 'M08' }, adminA);
      await core.call(S.achievementUpdate, { id: a.id, notes: 'v2' }, adminA);
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: a.id, notes: 'v3', expectedVersion: 1 }, adminA))).toBe('PRECONDITION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementSubmit, { id: a.id, expectedVersion: 1 }, adminA))).toBe('PRECONDITION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementDelete, { id: a.id, expectedVersion: 1 }, adminA))).toBe('PRECONDITION_FAILED');
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: a.id }, adminA))).toBe('VALIDATION_FAILED');
      const cleared = await core.call<AchievementView>(S.achievementUpdate, { id: a.id, notes: null, expectedVersion: 2 }, adminA);
      expect(cleared).toMatchObject({ notes: null, version: 3 });
    });
  });

  describe('create against a concurrent indicator change', () => {
    /** Resolves once a statement of the core service waits for a lock in this test's database. */
    const someoneWaits = async () => {
      for (let i = 0; i < 200; i++) {
        const [row] = await core.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (row.n > 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('nobody waited for the lock');
    };
    /** Runs `change` in a transaction left open while `write` starts, commits once `write` waits for it; `write`'s outcome. */
    const whileUncommitted = (change: string, params: unknown[], write: () => Promise<unknown>) =>
      withPgClient(core.stack.db.adminUrl, async (c) => {
        await c.query('BEGIN');
        await c.query(change, params);
        const outcome = errorOf(write());
        await someoneWaits();
        await c.query('COMMIT');
        return outcome;
      });

    it('re-reads the indicator under its lock: a frequency change committed meanwhile refuses the period (400), nothing written', async () => {
      const plan = await seedPlan(core, opdA, 2040);
      const indicator = await seedIndicator(core, plan, { frequency: 'quarterly' });
      const err = await whileUncommitted(`UPDATE core.indicators SET frequency = 'monthly', version = version + 1 WHERE id = $1`, [indicator], () =>
        create({ indicatorId: indicator, year: 2041, period: 'Q1', realization: 5 }, adminA),
      );
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toEqual([{ field: 'period', message: expect.stringContaining('a monthly indicator reports in M01') }]);
      expect(await rowCount(`core.achievements WHERE indicator_id = $1`, [indicator])).toBe(0);
      expect(await rowCount(`core.audit_log WHERE table_name = 'achievements' AND new_values->>'indicatorId' = $1`, [indicator])).toBe(0);
    });

    it('sees a plan period moved meanwhile (400 on the year)', async () => {
      const plan = await seedPlan(core, opdA, 2050);
      const indicator = await seedIndicator(core, plan, { frequency: 'annual' });
      const err = await whileUncommitted(`UPDATE core.strategic_plans SET period_start = 2055, period_end = 2059 WHERE id = $1`, [plan.planId], () =>
        create({ indicatorId: indicator, year: 2050, period: 'Y', realization: 5 }, adminA),
      );
      expect(err.details).toEqual([{ field: 'year', message: 'must lie in the plan period 2055–2059, got 2050' }]);
      expect(await rowCount(`core.achievements WHERE indicator_id = $1`, [indicator])).toBe(0);
    });

    it('answers 404 when the indicator was deleted meanwhile', async () => {
      const plan = await seedPlan(core, opdA, 2060);
      const indicator = await seedIndicator(core, plan, { frequency: 'annual' });
      const err = await whileUncommitted(`DELETE FROM core.indicators WHERE id = $1`, [indicator], () => create({ indicatorId: indicator, year: 2060, period: 'Y', realization: 5 }, adminA));
      expect(err.code).toBe('NOT_FOUND');
    });
  });

  it('filters and sorts the list', async () => {
    const year = 2028;
    for (const period of ['M03', 'M01', 'M02']) await create({ indicatorId: monthlyA, year, period, realization: 1 }, adminA);
    const page = await core.call<Page<AchievementView>>(S.achievementQuery, { indicatorId: monthlyA, year, sort: 'period' }, adminA);
    expect(page.items.map((a) => a.period)).toEqual(['M01', 'M02', 'M03']);
    const desc = await core.call<Page<AchievementView>>(S.achievementQuery, { indicatorId: monthlyA, year, sort: '-period', limit: 2 }, adminA);
    expect(desc).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(desc.items.map((a) => a.period)).toEqual(['M03', 'M02']);
    const drafts = await core.call<Page<AchievementView>>(S.achievementQuery, { year, status: 'draft', period: 'M02' }, evaluator);
    expect(drafts.items.map((a) => a.period)).toEqual(['M02']);
  });

  it('lets exactly one of two concurrent verifications win', async () => {
    const a = await create({ indicatorId: quarterlyA, year: 2026, period: 'Q3', realization: 7 }, adminA);
    await core.call(S.achievementSubmit, { id: a.id }, adminA);
    const results = await Promise.allSettled([
      core.call<AchievementView>(S.achievementVerify, { id: a.id }, evaluator),
      core.call<AchievementView>(S.achievementVerify, { id: a.id }, evaluator2),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['INVALID_STATE']);
    expect(await rowCount(`core.achievement_history WHERE achievement_id = $1 AND to_status = 'verified'`, [a.id])).toBe(1);
    expect(await rowCount(`core.outbox WHERE subject = $1 AND data->>'achievementId' = $2`, [CORE_EVENTS.achievementVerified, a.id])).toBe(1);
  });
});

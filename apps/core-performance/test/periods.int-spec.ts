import { CORE_EVENTS, CORE_SUBJECTS, Role, type AchievementView, type CallerIdentity, type PeriodLockView, type PeriodView } from '@sakip/contracts';
import { seedIndicator, seedOpd, seedPlan, type SeededPlan } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;
const ALL = ['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'];

describe('periods (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  let opdC: string;
  let planA: SeededPlan;
  let quarterlyA: string;
  let monthlyA: string;
  const superAdmin = callerAs(Role.SuperAdmin);
  const evaluator = callerAs(Role.Evaluator);
  let adminA: CallerIdentity;

  const list = (year: number, who: CallerIdentity = superAdmin) => core.call<PeriodView[]>(S.periodList, { year }, who);
  const periodOf = async (year: number, period: string, who?: CallerIdentity) => (await list(year, who)).find((p) => p.period === period) as PeriodView;
  const create = (indicatorId: string, year: number, period: string, who: CallerIdentity = adminA) =>
    core.call<AchievementView>(S.achievementCreate, { indicatorId, year, period, realization: 1 }, who);
  const submit = (id: string) => core.call<AchievementView>(S.achievementSubmit, { id }, adminA);
  const verify = (id: string) => core.call<AchievementView>(S.achievementVerify, { id }, evaluator);
  const statusOf = async (id: string) => (await core.sql(`SELECT status FROM core.achievements WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    opdC = await seedOpd(core, 'C');
    planA = await seedPlan(core, opdA);
    quarterlyA = await seedIndicator(core, planA, { frequency: 'quarterly' });
    monthlyA = await seedIndicator(core, planA, { frequency: 'monthly' });
    // Only an annual indicator reports in Y.
    await seedIndicator(core, planA, { frequency: 'annual' });
    adminA = callerAs(Role.AdminOpd, opdA);
  }, 60_000);
  afterAll(() => core?.close());

  it('lists the 19 periods of a year, to every role', async () => {
    const periods = await list(2026, callerAs(Role.Viewer, opdA));
    expect(periods.map((p) => p.period)).toEqual(ALL);
    expect(periods[0]).toEqual({ year: 2026, period: 'Y', inputDeadline: null, locked: false, lockedAt: null, lockedBy: null, overdueOpdIds: [], version: 0, updatedAt: null });
    expect(await errorCodeOf(list(1999))).toBe('VALIDATION_FAILED');
    expect(await errorCodeOf(core.call(S.periodList, {}, superAdmin))).toBe('VALIDATION_FAILED');
    expect(await errorCodeOf(list(2026, apiKeyAs(Role.AdminOpd, opdA, ['plans:read'])))).toBe('FORBIDDEN');
    expect(await list(2026, apiKeyAs(Role.AdminOpd, opdA, ['achievements:read']))).toHaveLength(19);
  });

  describe('input deadlines', () => {
    it('are set and cleared by super_admin only, with If-Match and an audit row', async () => {
      for (const who of [adminA, evaluator, callerAs(Role.Viewer)]) {
        expect(await errorCodeOf(core.call(S.periodUpdate, { year: 2026, period: 'Q1', inputDeadline: '2026-04-10T17:00:00.000Z' }, who))).toBe('FORBIDDEN');
      }
      const set = await core.call<PeriodView>(S.periodUpdate, { year: 2026, period: 'Q1', inputDeadline: '2026-04-10T17:00:00+07:00', expectedVersion: 0 }, superAdmin);
      expect(set).toMatchObject({ period: 'Q1', inputDeadline: '2026-04-10T10:00:00.000Z', version: 1, locked: false });
      expect(await errorCodeOf(core.call(S.periodUpdate, { year: 2026, period: 'Q1', inputDeadline: null, expectedVersion: 0 }, superAdmin))).toBe('PRECONDITION_FAILED');
      const cleared = await core.call<PeriodView>(S.periodUpdate, { year: 2026, period: 'Q1', inputDeadline: null, expectedVersion: 1 }, superAdmin);
      expect(cleared).toMatchObject({ inputDeadline: null, version: 2 });
      const audits = await core.sql(`SELECT operation FROM core.audit_log WHERE table_name = 'periods' AND row_id = '2026:Q1'`);
      expect(audits).toHaveLength(2);
    });

    it('refuse malformed input', async () => {
      const bad = [
        { year: 2026, period: 'Q1', inputDeadline: '2026-04-10' },
        { year: 2026, period: 'Q1', inputDeadline: 'tomorrow' },
        { year: 2026, period: 'Q1' },
        { year: 2026, period: 'Q5', inputDeadline: null },
        { year: 2026, period: 'Q1', inputDeadline: null, extra: 1 },
      ];
      for (const body of bad) expect(await errorCodeOf(core.call(S.periodUpdate, body, superAdmin))).toBe('VALIDATION_FAILED');
    });
  });

  describe('locks', () => {
    const year = 2026;
    let verifiedM02: string;
    let draftM03: string;
    let submittedQ1: string;
    let draftM04: string;
    let revisionM01: string;

    beforeAll(async () => {
      verifiedM02 = (await create(monthlyA, year, 'M02')).id;
      await submit(verifiedM02);
      await verify(verifiedM02);
      draftM03 = (await create(monthlyA, year, 'M03')).id;
      submittedQ1 = (await create(quarterlyA, year, 'Q1')).id;
      await submit(submittedQ1);
      revisionM01 = (await create(monthlyA, year, 'M01')).id;
      await submit(revisionM01);
      await core.call(S.achievementReturn, { id: revisionM01, note: 'perbaiki' }, evaluator);
      draftM04 = (await create(monthlyA, year, 'M04')).id;
    });

    it('are for super_admin only, never API keys', async () => {
      for (const who of [adminA, evaluator, apiKeyAs(Role.SuperAdmin, null, ['achievements:write'])]) {
        expect(await errorCodeOf(core.call(S.periodLock, { year, period: 'Q1' }, who))).toBe('FORBIDDEN');
      }
    });

    it('are refused while covered achievements are submitted or in revision, saying how many', async () => {
      let error: { code: string; details: Array<Record<string, unknown>> } | undefined;
      await core.call(S.periodLock, { year, period: 'Q1' }, superAdmin).catch((e) => (error = e));
      expect(error?.code).toBe('INVALID_STATE');
      expect(error?.details).toEqual([{ field: 'status', message: '1 revision, 1 submitted', submitted: 1, revision: 1 }]);
      expect(await statusOf(verifiedM02)).toBe('verified');
      expect((await periodOf(year, 'Q1')).locked).toBe(false);
      expect(await core.sql(`SELECT * FROM core.periods WHERE year = $1 AND locked_at IS NOT NULL`, [year])).toEqual([]);
    });

    it('lock with force: everything but drafts becomes locked, with history, audit and events each', async () => {
      const result = await core.call<PeriodLockView>(S.periodLock, { year, period: 'Q1', force: true }, superAdmin);
      expect(result).toMatchObject({ period: 'Q1', locked: true, lockedBy: superAdmin.actor, lockedAchievements: 3, version: 3 }); // two deadline writes before
      expect(result.lockedAt).not.toBeNull();

      expect(await statusOf(verifiedM02)).toBe('locked');
      expect(await statusOf(submittedQ1)).toBe('locked');
      expect(await statusOf(revisionM01)).toBe('locked');
      expect(await statusOf(draftM03)).toBe('draft');
      expect(await statusOf(draftM04)).toBe('draft');

      const history = await core.sql(`SELECT achievement_id, from_status, actor FROM core.achievement_history WHERE to_status = 'locked' ORDER BY achievement_id`);
      expect(history).toEqual(
        [
          { achievement_id: verifiedM02, from_status: 'verified', actor: superAdmin.actor },
          { achievement_id: submittedQ1, from_status: 'submitted', actor: superAdmin.actor },
          { achievement_id: revisionM01, from_status: 'revision', actor: superAdmin.actor },
        ].sort((a, b) => a.achievement_id.localeCompare(b.achievement_id)),
      );
      const audits = await core.sql(`SELECT row_id, old_values, new_values FROM core.audit_log WHERE table_name = 'achievements' AND operation = 'lock' ORDER BY row_id`);
      expect(audits.map((a) => a.row_id)).toEqual([verifiedM02, submittedQ1, revisionM01].sort());
      expect(audits.find((a) => a.row_id === verifiedM02)).toMatchObject({ old_values: { status: 'verified' }, new_values: { status: 'locked' } });
      const events = await core.sql(`SELECT data FROM core.outbox WHERE subject = $1`, [CORE_EVENTS.achievementLocked]);
      expect(events.map((e) => e.data.achievementId).sort()).toEqual([verifiedM02, submittedQ1, revisionM01].sort());
      expect(events.find((e) => e.data.achievementId === submittedQ1)?.data).toEqual({
        achievementId: submittedQ1,
        indicatorId: quarterlyA,
        opdId: opdA,
        year,
        period: 'Q1',
        fromStatus: 'submitted',
        toStatus: 'locked',
        actor: superAdmin.actor,
        note: null,
      });
      const auditEvents = await core.sql(`SELECT data FROM core.outbox WHERE subject = $1 AND data->>'operation' = 'lock'`, [CORE_EVENTS.auditRecorded]);
      expect(auditEvents).toHaveLength(4); // three achievements and the period
      expect(await core.sql(`SELECT operation FROM core.audit_log WHERE table_name = 'periods' AND row_id = '2026:Q1' ORDER BY occurred_at`)).toEqual([
        { operation: 'update' },
        { operation: 'update' },
        { operation: 'lock' },
      ]);
    });

    it('freezes the periods inside: Q1 covers M01–M03, not M04, S1 or Y', async () => {
      const periods = await list(year, adminA);
      const locked = periods.filter((p) => p.locked).map((p) => p.period);
      expect(locked).toEqual(['Q1', 'M01', 'M02', 'M03']);
      const m02 = periods.find((p) => p.period === 'M02') as PeriodView;
      const q1 = periods.find((p) => p.period === 'Q1') as PeriodView;
      expect(m02).toMatchObject({ lockedAt: q1.lockedAt, lockedBy: superAdmin.actor, version: 0 });
    });

    it('answers 409 to every write in a covered period afterwards', async () => {
      const invalid = async (p: Promise<unknown>) => expect(await errorCodeOf(p)).toBe('INVALID_STATE');
      await invalid(core.call(S.achievementUpdate, { id: draftM03, realization: 2 }, adminA));
      await invalid(core.call(S.achievementDelete, { id: draftM03 }, adminA));
      await invalid(core.call(S.achievementSubmit, { id: draftM03 }, adminA));
      await invalid(create(quarterlyA, year, 'Q1', superAdmin));
      await invalid(create(monthlyA, year, 'M01'));
      await invalid(core.call(S.achievementVerify, { id: submittedQ1 }, evaluator));
      await invalid(core.call(S.achievementReturn, { id: submittedQ1, note: 'x' }, evaluator));
      expect(await statusOf(draftM03)).toBe('draft');
      // M04 is outside Q1, and another year is another calendar.
      expect((await core.call<AchievementView>(S.achievementUpdate, { id: draftM04, realization: 2 }, adminA)).realization).toBe(2);
      expect((await create(monthlyA, 2027, 'M01')).status).toBe('draft');
    });

    it('cannot be set twice, nor inside a locked period', async () => {
      expect(await errorCodeOf(core.call(S.periodLock, { year, period: 'Q1' }, superAdmin))).toBe('INVALID_STATE');
      expect(await errorCodeOf(core.call(S.periodLock, { year, period: 'M02' }, superAdmin))).toBe('INVALID_STATE');
      expect(await errorCodeOf(core.call(S.periodLock, { year, period: 'Q1', expectedVersion: 7 }, superAdmin))).toBe('PRECONDITION_FAILED');
    });

    it('a lock on Y covers the whole year and locks the verified ones', async () => {
      const a = (await create(quarterlyA, year, 'Q3')).id;
      await submit(a);
      await verify(a);
      const result = await core.call<PeriodLockView>(S.periodLock, { year, period: 'Y' }, superAdmin);
      expect(result.lockedAchievements).toBe(1);
      expect(await statusOf(a)).toBe('locked');
      expect((await list(year)).every((p) => p.locked)).toBe(true);
      // Q1 keeps its own, earlier lock.
      const q1 = await periodOf(year, 'Q1');
      const y = await periodOf(year, 'Y');
      expect(q1.lockedAt! < y.lockedAt!).toBe(true);
      expect(await errorCodeOf(core.call(S.achievementUpdate, { id: draftM04, realization: 3 }, adminA))).toBe('INVALID_STATE');
    });
  });

  it('never lets a write slip into a period while it is being locked', async () => {
    const year = 2027;
    const drafts = await Promise.all(['Q1', 'Q2', 'Q3', 'Q4'].map((q) => create(quarterlyA, year, q)));
    const monthly = await Promise.all(['M10', 'M11', 'M12'].map((m) => create(monthlyA, year, m)));
    const outcomes = await Promise.allSettled([
      ...[...drafts, ...monthly].map((a) => submit(a.id)),
      core.call(S.periodLock, { year, period: 'S2', force: true }, superAdmin),
    ]);
    expect(outcomes[outcomes.length - 1].status).toBe('fulfilled');
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as { code: string }).code).toBe('INVALID_STATE');
    // Every submission inside S2 either committed before the lock (and is locked) or was refused after it.
    const rows = await core.sql(`SELECT period, status FROM core.achievements WHERE year = $1 AND period IN ('Q3', 'Q4', 'M10', 'M11', 'M12')`, [year]);
    expect(rows.every((r) => r.status === 'locked' || r.status === 'draft')).toBe(true);
    const outside = await core.sql(`SELECT status FROM core.achievements WHERE year = $1 AND period IN ('Q1', 'Q2')`, [year]);
    expect(outside.map((r) => r.status)).toEqual(['submitted', 'submitted']);
  });

  describe('overdue', () => {
    // A past year, so every deadline has passed.
    const year = 2025;
    let quarterlyB: string;
    let quarterlyC: string;

    beforeAll(async () => {
      const planB = await seedPlan(core, opdB);
      const planC = await seedPlan(core, opdC);
      quarterlyB = await seedIndicator(core, planB, { frequency: 'quarterly' });
      quarterlyC = await seedIndicator(core, planC, { frequency: 'quarterly' });
      await seedIndicator(core, planC, { frequency: 'monthly' });
      // A Pemda IKU belongs to no OPD: never overdue as one.
      await seedIndicator(core, await seedPlan(core, null), { frequency: 'quarterly', isIku: true });

      // A: both quarterly achievements submitted on time (Q2); the annual indicator is not.
      const onTime = (await create(quarterlyA, year, 'Q2')).id;
      await submit(onTime);
      // Returned for revision afterwards: it was still submitted on time, so A is not overdue.
      await core.call(S.achievementReturn, { id: onTime, note: 'lengkapi bukti' }, evaluator);
      // A's monthly indicator has nothing for Q2's months: months have their own deadlines.
      // B: submitted after the deadline.
      const late = (await create(quarterlyB, year, 'Q2', callerAs(Role.AdminOpd, opdB))).id;
      await core.call(S.achievementSubmit, { id: late }, superAdmin);
      // C: only a draft.
      await create(quarterlyC, year, 'Q2', callerAs(Role.AdminOpd, opdC));
      await core.sql(`UPDATE core.achievements SET first_submitted_at = '2025-07-05T00:00:00Z' WHERE id = $1`, [onTime]);
      await core.sql(`UPDATE core.achievements SET first_submitted_at = '2025-07-20T00:00:00Z' WHERE id = $1`, [late]);
      for (const [period, deadline] of [
        ['Q2', '2025-07-10T17:00:00.000Z'],
        ['Y', '2026-01-31T17:00:00.000Z'],
      ]) {
        await core.call(S.periodUpdate, { year, period, inputDeadline: deadline }, superAdmin);
      }
    });

    it('names the OPDs with an indicator of the period not submitted by the deadline', async () => {
      const periods = await list(year);
      const q2 = periods.find((p) => p.period === 'Q2') as PeriodView;
      expect(q2.overdueOpdIds).toEqual([opdB, opdC].sort());
      // Y: only A has an annual indicator, with nothing submitted.
      expect((periods.find((p) => p.period === 'Y') as PeriodView).overdueOpdIds).toEqual([opdA]);
      // No deadline, nothing overdue (A's monthly indicator has nothing in M04–M06 either).
      for (const p of periods.filter((x) => !['Q2', 'Y'].includes(x.period))) expect(p.overdueOpdIds).toEqual([]);
    });

    it('shows a caller bound to an OPD only its own OPD', async () => {
      expect((await periodOf(year, 'Q2', adminA)).overdueOpdIds).toEqual([]);
      expect((await periodOf(year, 'Q2', callerAs(Role.AdminOpd, opdB))).overdueOpdIds).toEqual([opdB]);
      expect((await periodOf(year, 'Y', callerAs(Role.Viewer, opdA))).overdueOpdIds).toEqual([opdA]);
      expect((await periodOf(year, 'Q2', evaluator)).overdueOpdIds).toEqual([opdB, opdC].sort());
    });

    it('clears when the submission was on time, also once verified or returned for revision', async () => {
      const onTimeC = await core.sql(`SELECT id FROM core.achievements WHERE indicator_id = $1 AND year = $2 AND period = 'Q2'`, [quarterlyC, year]);
      const id = onTimeC[0].id as string;
      await core.call(S.achievementSubmit, { id }, superAdmin);
      await core.sql(`UPDATE core.achievements SET first_submitted_at = '2025-07-01T00:00:00Z' WHERE id = $1`, [id]);
      expect((await periodOf(year, 'Q2')).overdueOpdIds).toEqual([opdB]);
      await verify(id);
      expect((await periodOf(year, 'Q2')).overdueOpdIds).toEqual([opdB]);
      const b = await core.sql(`SELECT id FROM core.achievements WHERE indicator_id = $1 AND year = $2 AND period = 'Q2'`, [quarterlyB, year]);
      await core.call(S.achievementReturn, { id: b[0].id, note: 'x' }, evaluator);
      await core.sql(`UPDATE core.achievements SET first_submitted_at = '2025-07-01T00:00:00Z' WHERE id = $1`, [b[0].id]);
      // Returned for revision, but first submitted before the deadline: submitted on time.
      expect((await periodOf(year, 'Q2')).overdueOpdIds).toEqual([]);
    });
  });
});

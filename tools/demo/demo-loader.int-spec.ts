import { createTestStack, type TestStack } from '@sakip/testing';
import { Client } from 'pg';
import { cumulativeCapaian } from '../../apps/core-performance/src/capaian/capaian';
import { categoryOf } from '../../apps/core-performance/src/capaian/category';
import { periodsOf, validateTargetSplit, type Aggregation, type Frequency, type Period, type Polarity } from '../../apps/core-performance/src/periods/period-calendar';
import { serapanOf } from '../../apps/core-performance/src/budget/budget-summary';
import { scoreEvaluation } from '../../apps/core-performance/src/evaluations/lke-scoring';
import { LKE_TEMPLATE_CODE, parseTemplate } from '../../apps/core-performance/src/evaluations/lke-template';
import { parseSipdCode, sipdExtensionProblem, type SipdLevel } from '../../apps/core-performance/src/planning/sipd-code';
import { generateDemo } from './generate-demo';
import { loadDemo, type LoadDemoResult } from './load-demo';

/** The demo loader against a freshly migrated database, at 3 OPDs (Disdik, Dinkes, DPUPR). */
describe('demo loader', () => {
  let stack: TestStack;
  let db: Client;
  let first: LoadDemoResult;

  beforeAll(async () => {
    stack = await createTestStack();
    first = await loadDemo({ databaseUrl: stack.db.urlFor('sakip_core'), opds: 3 });
    db = new Client({ connectionString: stack.db.adminUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.teardown();
  });

  const rows = async <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)).rows as T[];
  const count = async (table: string) => Number((await rows<{ n: string }>(`SELECT count(*) AS n FROM core.${table}`))[0].n);

  it('loads every generated row, the settings and one OPD event per OPD', async () => {
    if (first.status !== 'loaded') throw new Error(`expected a load, got ${JSON.stringify(first)}`);
    for (const [table, n] of Object.entries(first.counts)) expect([table, await count(table.replace('core.', ''))]).toEqual([table, n]);
    expect(first.counts['core.opds']).toBe(3);
    expect(first.counts['core.indicators']).toBeGreaterThan(60);

    const [settings] = await rows(`SELECT pemda_name, head_title, capaian_cap, timezone FROM core.settings`);
    expect(settings).toEqual({ pemda_name: 'Pemerintah Kabupaten Sukamaju', head_title: 'Bupati Sukamaju', capaian_cap: '150.00', timezone: 'WIB' });

    const opds = await rows<{ id: string; head_nip: string }>(`SELECT id, head_nip FROM core.opds`);
    for (const o of opds) expect(o.head_nip).toMatch(/^\d{18}$/);
    const events = await rows<{ data: any }>(`SELECT data FROM core.outbox WHERE subject = 'evt.core.opd.changed.v1'`);
    expect(events.map((e) => e.data.opdId).sort()).toEqual(opds.map((o) => o.id).sort());
    expect(events[0].data).toMatchObject({ change: 'created', isActive: true, version: 1 });
  });

  it('builds the RPJMD and one Renstra 2022–2026 per OPD with consistent trees and SIPD codes', async () => {
    const plans = await rows<{ opd_id: string | null; period_start: number; period_end: number }>(`SELECT opd_id, period_start, period_end FROM core.strategic_plans`);
    expect(plans.filter((p) => p.opd_id === null)).toHaveLength(1);
    expect(plans.every((p) => p.period_start === 2022 && p.period_end === 2026)).toBe(true);

    const nodes = await rows<{ id: string; level: string; parent_id: string | null; code: string; sipd_code: string | null; opd_id: string | null; plan: string; parent_level: string | null; parent_sipd: string | null; parent_plan: string | null; rpjmd_plan_opd: string | null; has_rpjmd: boolean }>(
      `SELECT n.id, n.level, n.parent_id, n.code, n.sipd_code, n.opd_id, n.strategic_plan_id AS plan, p.level AS parent_level, p.sipd_code AS parent_sipd,
              p.strategic_plan_id AS parent_plan, r.opd_id AS rpjmd_plan_opd, n.rpjmd_objective_id IS NOT NULL AS has_rpjmd
         FROM core.plan_nodes n LEFT JOIN core.plan_nodes p ON p.id = n.parent_id LEFT JOIN core.plan_nodes r ON r.id = n.rpjmd_objective_id`,
    );
    const parentOf: Record<string, string | null> = { goal: null, objective: 'goal', program: 'objective', activity: 'program', sub_activity: 'activity' };
    for (const n of nodes) {
      expect([n.code, n.parent_level]).toEqual([n.code, parentOf[n.level]]);
      if (n.parent_id) expect(n.parent_plan).toBe(n.plan);
      if (n.level === 'goal' || n.level === 'objective') {
        expect(n.sipd_code).toBeNull();
        continue;
      }
      const parsed = parseSipdCode(n.level as SipdLevel, n.sipd_code ?? '');
      expect([n.sipd_code, parsed.ok]).toEqual([n.sipd_code, true]);
      if (n.level !== 'program') expect([n.sipd_code, sipdExtensionProblem(n.parent_sipd, n.sipd_code as string)]).toEqual([n.sipd_code, null]);
    }
    // OPD sasaran serve RPJMD sasaran (nodes of the plan without an OPD).
    const serving = nodes.filter((n) => n.has_rpjmd);
    expect(serving.length).toBeGreaterThan(3);
    expect(serving.every((n) => n.level === 'objective' && n.opd_id !== null && n.rpjmd_plan_opd === null)).toBe(true);

    const badIndicators = await rows(
      `SELECT i.id FROM core.indicators i JOIN core.plan_nodes n ON n.id = i.parent_id
        WHERE i.parent_type <> n.level OR i.strategic_plan_id <> n.strategic_plan_id OR i.opd_id IS DISTINCT FROM n.opd_id
           OR (n.level = 'goal' AND i.objective_id IS NOT NULL) OR (n.level = 'objective' AND i.objective_id <> n.id)
           OR (n.level NOT IN ('goal', 'objective') AND NOT EXISTS (
                 WITH RECURSIVE up AS (SELECT id, parent_id, level FROM core.plan_nodes WHERE id = n.id
                                       UNION ALL SELECT p.id, p.parent_id, p.level FROM core.plan_nodes p JOIN up ON p.id = up.parent_id)
                 SELECT 1 FROM up WHERE up.level = 'objective' AND up.id = i.objective_id))
           OR i.is_iku <> (n.level = 'objective')`,
    );
    expect(badIndicators).toEqual([]);
  });

  it('stores three years of targets whose Rencana Aksi split the service accepts, and five-year targets', async () => {
    const targets = await rows<{ id: string; frequency: Frequency; aggregation: Aggregation; year: number; annual: string; periods: Record<string, string> }>(
      `SELECT i.id, i.frequency, i.aggregation, t.year, t.annual::text,
              (SELECT jsonb_object_agg(p.period, p.value::text) FROM core.indicator_target_periods p WHERE p.indicator_id = t.indicator_id AND p.year = t.year) AS periods
         FROM core.indicator_targets t JOIN core.indicators i ON i.id = t.indicator_id`,
    );
    expect(targets).toHaveLength((await count('indicators')) * 3);
    for (const t of targets) expect([t.id, t.year, validateTargetSplit(t.frequency, t.aggregation, t.annual, t.periods)]).toEqual([t.id, t.year, []]);
    const planYears = await rows<{ years: number[] }>(`SELECT array_agg(year ORDER BY year) AS years FROM core.indicator_plan_targets GROUP BY indicator_id`);
    expect(planYears.every((p) => p.years.join() === '2022,2023,2024,2025,2026')).toBe(true);
  });

  it('has achievements in every workflow state, with matching history, locks and overdue OPDs', async () => {
    const statuses = await rows<{ year: number; status: string }>(`SELECT DISTINCT year, status FROM core.achievements ORDER BY 1, 2`);
    expect(statuses.filter((s) => s.year < 2026).map((s) => s.status)).toEqual(['locked', 'locked']);
    expect(statuses.filter((s) => s.year === 2026).map((s) => s.status)).toEqual(['draft', 'revision', 'submitted', 'verified']);

    // The history replays each achievement's path: one row per version, ending in its status.
    const inconsistent = await rows(
      `SELECT a.id FROM core.achievements a
        WHERE a.version <> (SELECT count(*) FROM core.achievement_history h WHERE h.achievement_id = a.id)
           OR a.status <> (SELECT h.to_status FROM core.achievement_history h WHERE h.achievement_id = a.id ORDER BY h.occurred_at DESC LIMIT 1)
           OR (a.status IN ('verified', 'locked')) <> (a.verified_by IS NOT NULL AND a.verified_at >= a.submitted_at)
           OR (a.status = 'draft') <> (a.first_submitted_at IS NULL)
           OR a.first_submitted_at > a.submitted_at OR a.created_at > a.updated_at OR a.updated_at > '2026-11-23T00:00:00+07'`,
    );
    expect(inconsistent).toEqual([]);
    const returned = await rows(`SELECT 1 FROM core.achievement_history WHERE to_status = 'revision' AND note IS NOT NULL AND actor LIKE 'user:%'`);
    expect(returned.length).toBeGreaterThan(0);

    const locks = await rows<{ year: number; period: string }>(`SELECT year, period FROM core.periods WHERE locked_at IS NOT NULL ORDER BY year`);
    expect(locks).toEqual([
      { year: 2024, period: 'Y' },
      { year: 2025, period: 'Y' },
    ]);
    // Overdue as core's periods feature counts it: an indicator of the OPD reporting in that period
    // has nothing submitted by the deadline. Only recent periods, and the late third OPD (DPUPR) among them.
    const overdue = await rows<{ period: string; opds: string[] }>(
      `SELECT p.period, array_agg(DISTINCT o.code ORDER BY o.code) AS opds
         FROM core.periods p
         JOIN core.indicators i ON i.opd_id IS NOT NULL AND i.frequency = CASE WHEN p.period LIKE 'M%' THEN 'monthly' WHEN p.period LIKE 'Q%' THEN 'quarterly'
                                                                              WHEN p.period LIKE 'S%' THEN 'semester' ELSE 'annual' END
         JOIN core.opds o ON o.id = i.opd_id
        WHERE p.input_deadline < '2026-11-23T00:00:00+07'
          AND NOT EXISTS (SELECT 1 FROM core.achievements a WHERE a.indicator_id = i.id AND a.year = p.year AND a.period = p.period
                             AND a.status IN ('submitted', 'verified', 'locked') AND a.first_submitted_at <= p.input_deadline)
        GROUP BY p.year, p.period ORDER BY p.year, p.period`,
    );
    expect(overdue.map((o) => `${o.period}`).sort()).toEqual(['M08', 'M09', 'M10', 'Q3']);
    expect(overdue.find((o) => o.period === 'M10')?.opds).toContain('1.03.0.00.0.00.03.0000');
  });

  it('spreads capaian over all five categories and leaves a few periods not scored', async () => {
    const data = await rows<{ frequency: Frequency; aggregation: Aggregation; polarity: Polarity; year: number; annual: string; targets: Record<string, string>; realizations: Record<string, string> | null }>(
      `SELECT i.frequency, i.aggregation, i.polarity, t.year, t.annual::text,
              (SELECT jsonb_object_agg(p.period, p.value::text) FROM core.indicator_target_periods p WHERE p.indicator_id = i.id AND p.year = t.year) AS targets,
              (SELECT jsonb_object_agg(a.period, a.realization::text) FROM core.achievements a WHERE a.indicator_id = i.id AND a.year = t.year) AS realizations
         FROM core.indicators i JOIN core.indicator_targets t ON t.indicator_id = i.id`,
    );
    const categories = new Set<string>();
    let notScored = 0;
    for (const d of data) {
      for (const period of periodsOf(d.frequency)) {
        if (!d.realizations?.[period]) {
          if (d.year === 2026 && period === 'M10' && d.frequency === 'monthly') notScored++;
          continue;
        }
        const { capaian } = cumulativeCapaian({
          frequency: d.frequency,
          aggregation: d.aggregation,
          polarity: d.polarity,
          cap: '150',
          period: period as Period,
          targets: { ...d.targets, Y: d.annual },
          realizations: d.realizations,
        });
        const category = categoryOf(capaian);
        if (category) categories.add(category);
      }
    }
    expect([...categories].sort()).toEqual(['Rendah', 'Sangat Rendah', 'Sangat Tinggi', 'Sedang', 'Tinggi']);
    expect(notScored).toBeGreaterThan(0);
  });

  const BUDGET_NODES = `SELECT id, level, sipd_code FROM core.plan_nodes WHERE opd_id IS NOT NULL AND level IN ('program', 'activity', 'sub_activity')`;

  it('budgets every OPD program, kegiatan and sub kegiatan: murni each year, perubahan on some in 2025–2026, parents the sums of their children', async () => {
    const nodes = await rows<{ id: string; level: string; sipd_code: string }>(BUDGET_NODES);
    const allocations = await rows<{ node_id: string; node_type: string; year: number; revision: string; pagu: string }>(
      `SELECT node_id, node_type, year, revision, pagu::text FROM core.budget_allocations`,
    );
    const murni = allocations.filter((a) => a.revision === 'murni');
    expect(murni).toHaveLength(nodes.length * 3);
    expect(new Set(murni.map((a) => `${a.node_id}:${a.year}`)).size).toBe(nodes.length * 3);
    expect(allocations.every((a) => /^\d+\.\d{2}$/.test(a.pagu))).toBe(true);
    const perubahan = allocations.filter((a) => a.revision === 'perubahan');
    expect([...new Set(perubahan.map((a) => a.year))].sort()).toEqual([2025, 2026]);
    expect(new Set(perubahan.map((a) => a.node_type))).toEqual(new Set(['program', 'activity', 'sub_activity']));
    expect(perubahan.filter((a) => a.node_type === 'sub_activity').length).toBeLessThan(murni.filter((a) => a.node_type === 'sub_activity').length / 2);

    // The table's own rules: SIPD rows for sub kegiatan (50 juta – 5 miliar, perubahan ±5–15 %), manual for the sums, the node's code.
    const offRules = await rows(
      `SELECT a.id FROM core.budget_allocations a JOIN core.plan_nodes n ON n.id = a.node_id
        WHERE a.source <> CASE WHEN a.node_type = 'sub_activity' THEN 'sipd' ELSE 'manual' END OR a.sipd_code IS DISTINCT FROM n.sipd_code OR a.opd_id <> n.opd_id
           OR (a.node_type = 'sub_activity' AND a.pagu NOT BETWEEN 50000000 AND 5000000000) OR a.created_at > '2026-11-23T00:00:00+07'
           OR (a.revision = 'perubahan' AND a.node_type = 'sub_activity' AND NOT EXISTS (
                 SELECT 1 FROM core.budget_allocations m WHERE m.node_id = a.node_id AND m.year = a.year AND m.revision = 'murni'
                    AND abs(a.pagu - m.pagu) BETWEEN m.pagu * 0.05 AND m.pagu * 0.15 AND m.created_at < a.created_at))`,
    );
    expect(offRules).toEqual([]);

    // Parents hold exactly their children's pagu: murni as murni, the latest (perubahan where present) as the latest.
    const unbalanced = await rows(
      `WITH pagu AS (
         SELECT node_id, year, sum(pagu) FILTER (WHERE revision = 'murni') AS murni,
                coalesce(sum(pagu) FILTER (WHERE revision = 'perubahan'), sum(pagu) FILTER (WHERE revision = 'murni')) AS latest,
                bool_or(revision = 'perubahan') AS revised
           FROM core.budget_allocations GROUP BY node_id, year)
       SELECT p.id, pp.year FROM core.plan_nodes p JOIN pagu pp ON pp.node_id = p.id
        CROSS JOIN LATERAL (SELECT sum(cp.murni) AS murni, sum(cp.latest) AS latest, bool_or(cp.revised) AS revised
                              FROM core.plan_nodes c JOIN pagu cp ON cp.node_id = c.id AND cp.year = pp.year WHERE c.parent_id = p.id) kids
        WHERE p.level IN ('program', 'activity') AND (kids.murni IS DISTINCT FROM pp.murni OR kids.latest IS DISTINCT FROM pp.latest OR kids.revised IS DISTINCT FROM pp.revised)`,
    );
    expect(unbalanced).toEqual([]);
  });

  it('realizes the budgets month by month (1–12 in 2024 and 2025, 1–10 in 2026), parents the sums, serapan mostly 70–98 %', async () => {
    const nodes = await rows(BUDGET_NODES);
    const months = await rows<{ year: number; months: number[]; n: string }>(
      `SELECT year, months, count(*) AS n FROM (SELECT node_id, year, array_agg(month ORDER BY month) AS months FROM core.budget_realizations GROUP BY node_id, year) m GROUP BY year, months ORDER BY year`,
    );
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(months).toEqual([
      { year: 2024, months: upTo(12), n: String(nodes.length) },
      { year: 2025, months: upTo(12), n: String(nodes.length) },
      { year: 2026, months: upTo(10), n: String(nodes.length) },
    ]);
    const offRules = await rows(
      `SELECT r.id FROM core.budget_realizations r JOIN core.plan_nodes n ON n.id = r.node_id
        WHERE r.source <> CASE WHEN r.node_type = 'sub_activity' THEN 'sipd' ELSE 'manual' END OR r.opd_id <> n.opd_id OR r.amount <= 0
           OR r.created_at > '2026-11-23T00:00:00+07' OR r.created_at < make_timestamptz(r.year, r.month, 1, 0, 0, 0, 'Asia/Jakarta') + interval '1 month'`,
    );
    expect(offRules).toEqual([]);
    const unbalanced = await rows(
      `SELECT p.id, r.year, r.month FROM core.plan_nodes p JOIN core.budget_realizations r ON r.node_id = p.id
        WHERE p.level IN ('program', 'activity')
          AND r.amount IS DISTINCT FROM (SELECT sum(cr.amount) FROM core.plan_nodes c JOIN core.budget_realizations cr ON cr.node_id = c.id AND cr.year = r.year AND cr.month = r.month WHERE c.parent_id = p.id)`,
    );
    expect(unbalanced).toEqual([]);

    // Year-end serapan of the sub kegiatan against their latest pagu, as /budget/summary computes it.
    const yearEnd = await rows<{ year: number; pagu: string; realization: string; h1: string }>(
      `SELECT a.year, a.pagu::text, (SELECT sum(amount) FROM core.budget_realizations r WHERE r.node_id = a.node_id AND r.year = a.year)::text AS realization,
              (SELECT sum(amount) FROM core.budget_realizations r WHERE r.node_id = a.node_id AND r.year = a.year AND r.month <= 6)::text AS h1
         FROM core.budget_allocations a
        WHERE a.node_type = 'sub_activity' AND a.year < 2026
          AND a.revision = (SELECT max(revision) FROM core.budget_allocations l WHERE l.node_id = a.node_id AND l.year = a.year)`,
    );
    const serapan = yearEnd.map((y) => Number(serapanOf(y.realization, y.pagu)?.toFixed(2)));
    const share = (lo: number, hi: number) => serapan.filter((x) => x >= lo && x <= hi).length / serapan.length;
    expect(share(70, 98)).toBeGreaterThan(0.7);
    expect(share(0, 69.99)).toBeGreaterThan(0);
    expect(Math.max(...serapan)).toBeLessThan(105);
    // Rising through the year: the first half spends less than the second for most.
    expect(yearEnd.filter((y) => Number(y.h1) < Number(y.realization) / 2).length / yearEnd.length).toBeGreaterThan(0.6);
  });

  it('has two published 2025 LKE evaluations scored by the service, with recommendations and follow-ups, and a partly answered 2026 draft', async () => {
    const { actors, opds } = generateDemo({ opds: 3 });
    const operators = new Set(opds.flatMap((o) => o.operators));
    const [latest] = await rows<{ version: number; content: unknown }>(`SELECT version, content FROM core.lke_templates WHERE code = $1 ORDER BY version DESC LIMIT 1`, [LKE_TEMPLATE_CODE]);
    const template = parseTemplate(LKE_TEMPLATE_CODE, latest.version, latest.content);
    const templateCriteria = template.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria.map((k) => [s.code, s.weight, k.code, k.question, k.answerType])));

    const evaluations = await rows(`SELECT e.*, e.score::text AS score, o.short_name FROM core.evaluations e JOIN core.opds o ON o.id = e.opd_id ORDER BY e.year, o.code`);
    expect(evaluations.map((e) => [e.short_name, e.year, e.status])).toEqual([
      ['Disdik', 2025, 'published'],
      ['Dinkes', 2025, 'published'],
      ['Dinkes', 2026, 'draft'],
    ]);
    expect(evaluations.map((e) => e.grade)).toEqual(['BB', 'A', null]);
    const events = await rows<{ data: any }>(`SELECT data FROM core.outbox WHERE subject = 'evt.core.evaluation.published.v1' ORDER BY seq`);
    expect(events.map((e) => e.data.evaluationId).sort()).toEqual(evaluations.filter((e) => e.status === 'published').map((e) => e.id).sort());

    for (const e of evaluations) {
      expect([e.template_code, e.template_version]).toEqual([LKE_TEMPLATE_CODE, template.version]);
      const criteria = await rows<{ sub: string; weight: string; code: string; question: string; answer_type: string; answer: any; answered_by: string | null; answered_at: Date | null }>(
        `SELECT s.code AS sub, s.weight::text AS weight, k.code, k.question, k.answer_type, k.answer, k.answered_by, k.answered_at
           FROM core.evaluation_criteria k JOIN core.evaluation_sub_components s ON s.id = k.sub_component_id AND s.evaluation_id = k.evaluation_id
          WHERE k.evaluation_id = $1 ORDER BY k.sort_order`,
        [e.id],
      );
      // Its own copy of the template, in template order.
      expect(criteria.map((k) => [k.sub, k.weight, k.code, k.question, k.answer_type])).toEqual(templateCriteria);
      for (const k of criteria) {
        expect(k.answered_by === null).toBe(k.answer === null);
        if (k.answered_by) expect(actors.evaluators).toContain(k.answered_by);
        if (k.answered_at) expect(k.answered_at >= e.created_at && k.answered_at <= (e.finalized_at ?? e.updated_at)).toBe(true);
      }
      expect(actors.evaluators).toContain(e.created_by);
      if (e.status === 'draft') {
        const answered = criteria.filter((k) => k.answer !== null).length;
        expect(answered).toBeGreaterThan(0);
        expect(answered).toBeLessThan(criteria.length);
        expect([e.score, e.grade, e.finalized_at, e.published_at]).toEqual([null, null, null, null]);
        continue;
      }
      // Score and grade as finalize computes them, with the service's own function.
      const subs = new Map<string, { weight: string; answers: any[] }>();
      for (const k of criteria) subs.set(k.sub, { weight: k.weight, answers: [...(subs.get(k.sub)?.answers ?? []), k.answer] });
      expect(scoreEvaluation([...subs.values()])).toEqual({ score: e.score, grade: e.grade });
      expect(actors.evaluators).toContain(e.finalized_by);
      expect(e.published_by).toBe(actors.superAdmin);
      expect(e.created_at < e.finalized_at && e.finalized_at < e.published_at && e.published_at <= e.updated_at).toBe(true);
      expect(events.find((ev) => ev.data.evaluationId === e.id)?.data).toMatchObject({ opdId: e.opd_id, year: 2025, score: e.score, grade: e.grade });

      const recommendations = await rows(
        `SELECT r.*, c.evaluation_id AS component_evaluation FROM core.evaluation_recommendations r JOIN core.evaluation_components c ON c.id = r.component_id WHERE r.evaluation_id = $1`,
        [e.id],
      );
      expect(recommendations.length).toBeGreaterThanOrEqual(3);
      for (const r of recommendations) {
        expect(r.component_evaluation).toBe(e.id);
        expect(r.created_by).toBe(e.finalized_by);
        expect(r.created_at > e.created_at && r.created_at < e.finalized_at).toBe(true);
        if (r.follow_up_status === 'open') {
          expect([r.follow_up_text, r.follow_up_by, r.follow_up_at, r.version]).toEqual([null, null, null, 1]);
        } else {
          expect(operators.has(r.follow_up_by)).toBe(true);
          expect(r.follow_up_text).toBeTruthy();
          expect(r.follow_up_at > e.published_at && r.follow_up_at <= e.updated_at).toBe(true);
          expect(r.version).toBe(r.follow_up_status === 'done' ? 3 : 2);
        }
      }
      // Each write claimed the evaluation once: create, answer batches, recommendations, finalize, publish, follow-ups.
      const batches = new Set(criteria.map((k) => k.answered_at?.getTime())).size;
      expect(e.version).toBe(1 + batches + recommendations.length + 2 + recommendations.reduce((n, r) => n + r.version - 1, 0));
    }
    const followUps = await rows<{ follow_up_status: string }>(`SELECT DISTINCT follow_up_status FROM core.evaluation_recommendations ORDER BY 1`);
    expect(followUps.map((f) => f.follow_up_status)).toEqual(['done', 'in_progress', 'open']);
  });

  it('does nothing on a second run and names the OPDs already there', async () => {
    const counts = async () => ({
      history: await count('achievement_history'),
      budget: await count('budget_realizations'),
      evaluations: await count('evaluations'),
      outbox: await count('outbox'),
      audit: await count('audit_log'),
    });
    const before = await counts();
    const again = await loadDemo({ databaseUrl: stack.db.urlFor('sakip_core'), opds: 3 });
    expect(again.status).toBe('already-loaded');
    if (again.status === 'already-loaded') expect(again.opds).toHaveLength(3);
    expect(await counts()).toEqual(before);
  });

  it('refuses a database that already holds a real OPD, writing nothing', async () => {
    const other = await createTestStack();
    const c = new Client({ connectionString: other.db.adminUrl });
    await c.connect();
    try {
      await c.query(`INSERT INTO core.opds (id, code, name) VALUES ('0190d1a2-0000-7000-8000-000000000001', '1.01.0.00.0.00.01.0000', 'Dinas Pendidikan Kota Lain')`);
      const result = await loadDemo({ databaseUrl: other.db.urlFor('sakip_core'), opds: 3 });
      expect(result.status).toBe('refused');
      if (result.status === 'refused') expect(result.reason).toContain('Dinas Pendidikan Kota Lain');
      const { rows: left } = await c.query(`SELECT (SELECT count(*) FROM core.opds) AS opds, (SELECT count(*) FROM core.audit_log) AS audit, (SELECT version FROM core.settings) AS settings`);
      expect(left[0]).toEqual({ opds: '1', audit: '0', settings: 1 });
    } finally {
      await c.end();
      await other.teardown();
    }
  });
});

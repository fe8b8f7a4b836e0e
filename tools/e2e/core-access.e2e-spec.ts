import { OpdDirectory } from '../../apps/auth/src/opds/opd-directory';
import { E2eStack } from './stack';

/**
 * The Core routes through the gateway with one user per role (issue #5): OPD scoping (a foreign
 * row is 404 and never listed), the permission table (viewer writes nothing, evaluator edits
 * nothing, only evaluators verify), API-key scopes, and bad input refused with nothing written.
 */
describe('core-performance access through the gateway (e2e)', () => {
  let s: E2eStack;
  const tokens: Record<'admin' | 'adminA' | 'viewerA' | 'viewerAll' | 'evaluator', string> = {} as never;
  let opdA: string;
  let opdB: string;
  let treeA: Tree;
  let treeB: Tree;

  interface Tree {
    plan: string;
    goal: string;
    objective: string;
    program: string;
    activity: string;
    subActivity: string;
    indicator: string;
    achievement: string;
  }

  const api = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    s.http(method, `/api/v1${path}`, { token, body, headers });

  async function ok<T = any>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const res = await api(method, path, token, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
    return res.body?.data as T;
  }

  /** A full planning tree with one quarterly indicator, its 2026 targets and a Q1 achievement. */
  async function buildTree(token: string, opdId: string, tag: string): Promise<Tree> {
    const plan = (await ok('POST', '/strategic-plans', token, { opdId, periodStart: 2025, periodEnd: 2029, vision: `Visi ${tag}`, mission: `Misi ${tag}` })).id;
    const goal = (await ok('POST', '/goals', token, { strategicPlanId: plan, code: 'T1', name: `Tujuan ${tag}` })).id;
    const objective = (await ok('POST', '/objectives', token, { goalId: goal, code: 'S1', name: `Sasaran ${tag}` })).id;
    const program = (await ok('POST', '/programs', token, { objectiveId: objective, code: 'P1', name: `Program ${tag}`, sipdCode: '1.02.02' })).id;
    const activity = (await ok('POST', '/activities', token, { programId: program, code: 'K1', name: `Kegiatan ${tag}`, sipdCode: '1.02.02.2.01' })).id;
    const subActivity = (await ok('POST', '/sub-activities', token, { activityId: activity, code: 'SK1', name: `Sub kegiatan ${tag}`, sipdCode: '1.02.02.2.01.0001' })).id;
    const indicator = (
      await ok('POST', '/indicators', token, {
        parentType: 'objective',
        parentId: objective,
        name: `Indeks kepuasan ${tag}`,
        definition: 'Survei kepuasan masyarakat',
        formula: 'Rata-rata nilai survei',
        unit: '%',
        category: 'outcome',
        isIku: true,
        frequency: 'quarterly',
        polarity: 'higher_better',
        aggregation: 'average',
      })
    ).id;
    await ok('PUT', `/indicators/${indicator}/targets`, token, { year: 2026, annual: 80, periods: { Q1: 80, Q2: 80, Q3: 80, Q4: 80 } });
    const achievement = (await ok('POST', '/achievements', token, { indicatorId: indicator, year: 2026, period: 'Q1', realization: 72 })).id;
    return { plan, goal, objective, program, activity, subActivity, indicator, achievement };
  }

  /** Every readable resource of a tree, by path. */
  const readPaths = (t: Tree) => [
    `/strategic-plans/${t.plan}`,
    `/strategic-plans/${t.plan}/tree`,
    `/goals/${t.goal}`,
    `/objectives/${t.objective}`,
    `/programs/${t.program}`,
    `/activities/${t.activity}`,
    `/sub-activities/${t.subActivity}`,
    `/indicators/${t.indicator}`,
    `/indicators/${t.indicator}/targets?year=2026`,
    `/indicators/${t.indicator}/plan-targets`,
    `/achievements/${t.achievement}`,
    `/achievements/${t.achievement}/history`,
  ];

  /** Every write on a tree's rows, with a body that would be valid for its owner. */
  const writeCalls = (t: Tree): Array<[string, string, unknown?]> => [
    ['PATCH', `/strategic-plans/${t.plan}`, { vision: 'Diubah' }],
    ['PATCH', `/goals/${t.goal}`, { name: 'Diubah' }],
    ['PATCH', `/objectives/${t.objective}`, { name: 'Diubah' }],
    ['PATCH', `/programs/${t.program}`, { name: 'Diubah' }],
    ['PATCH', `/activities/${t.activity}`, { name: 'Diubah' }],
    ['PATCH', `/sub-activities/${t.subActivity}`, { name: 'Diubah' }],
    ['PATCH', `/indicators/${t.indicator}`, { name: 'Diubah' }],
    ['PUT', `/indicators/${t.indicator}/targets`, { year: 2026, annual: 90, periods: { Q1: 90, Q2: 90, Q3: 90, Q4: 90 } }],
    ['PUT', `/indicators/${t.indicator}/plan-targets`, { items: [{ year: 2026, annual: 90 }] }],
    ['PATCH', `/achievements/${t.achievement}`, { realization: 1 }],
    ['POST', `/achievements/${t.achievement}/submit`],
    ['POST', '/goals', { strategicPlanId: t.plan, code: 'T9', name: 'Baru' }],
    ['POST', '/objectives', { goalId: t.goal, code: 'S9', name: 'Baru' }],
    ['POST', '/programs', { objectiveId: t.objective, code: 'P9', name: 'Baru' }],
    ['POST', '/activities', { programId: t.program, code: 'K9', name: 'Baru' }],
    ['POST', '/sub-activities', { activityId: t.activity, code: 'SK9', name: 'Baru' }],
    ['POST', '/indicators', { parentType: 'program', parentId: t.program, name: 'Baru', definition: 'd', formula: 'f', unit: 'unit', category: 'output', isIku: false, frequency: 'annual', polarity: 'higher_better', aggregation: 'sum' }],
    ['POST', '/achievements', { indicatorId: t.indicator, year: 2026, period: 'Q2', realization: 5 }],
    ['DELETE', `/achievements/${t.achievement}`],
    ['DELETE', `/sub-activities/${t.subActivity}`],
    ['DELETE', `/indicators/${t.indicator}`],
    ['DELETE', `/strategic-plans/${t.plan}`],
  ];

  /** Row versions of everything in a tree: unchanged after refused writes. */
  const fingerprint = async (opdId: string) =>
    s.sql(
      `SELECT 'plan' k, id::text, version FROM core.strategic_plans WHERE opd_id = $1
       UNION ALL SELECT 'node', id::text, version FROM core.plan_nodes WHERE opd_id = $1
       UNION ALL SELECT 'indicator', id::text, version FROM core.indicators WHERE opd_id = $1
       UNION ALL SELECT 'target', t.indicator_id::text || t.year, t.version FROM core.indicator_targets t JOIN core.indicators i ON i.id = t.indicator_id WHERE i.opd_id = $1
       UNION ALL SELECT 'achievement', id::text || status, version FROM core.achievements WHERE opd_id = $1
       ORDER BY 1, 2`,
      [opdId],
    );

  beforeAll(async () => {
    s = await E2eStack.start({}, {}, { core: true });
    tokens.admin = (await s.loginAdmin()).accessToken;
    opdA = (await ok('POST', '/opds', tokens.admin, { code: 'DINKES', name: 'Dinas Kesehatan' })).id;
    opdB = (await ok('POST', '/opds', tokens.admin, { code: 'DISDIK', name: 'Dinas Pendidikan' })).id;
    const users: Array<[keyof typeof tokens, string, string | null]> = [
      ['adminA', 'admin_opd', opdA],
      ['viewerA', 'viewer', opdA],
      ['viewerAll', 'viewer', null],
      ['evaluator', 'evaluator', null],
    ];
    for (const [name, role, opdId] of users) {
      const email = `${name.toLowerCase()}@e2e.test`;
      const password = 'Sasaran-Strategis-Sukamaju-2026';
      await ok('POST', '/users', tokens.admin, { email, name, password, role, opdId });
      tokens[name] = (await s.login(email, password)).accessToken;
    }
    // OPD A's tree is built by its own admin_opd, OPD B's by super_admin.
    treeA = await buildTree(tokens.adminA, opdA, 'A');
    treeB = await buildTree(tokens.admin, opdB, 'B');
  });

  afterAll(async () => {
    await s?.stop();
  });

  it('lets admin_opd of OPD A read its own rows', async () => {
    for (const path of [...readPaths(treeA), `/opds/${opdA}`]) {
      const res = await api('GET', path, tokens.adminA);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });

  it('answers 404 to admin_opd of OPD A for every read of OPD B rows', async () => {
    for (const path of [...readPaths(treeB), `/opds/${opdB}`]) {
      const res = await api('GET', path, tokens.adminA);
      expect([path, res.status, res.body?.error?.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
  });

  it('answers 404 to admin_opd of OPD A for every write on OPD B rows, and changes nothing', async () => {
    const before = await fingerprint(opdB);
    for (const [method, path, body] of writeCalls(treeB)) {
      const res = await api(method, path, tokens.adminA, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await fingerprint(opdB)).toEqual(before);
  });

  it('never lists OPD B rows to admin_opd of OPD A, and refuses an explicit opdId of B with 404', async () => {
    const lists = ['/opds', '/strategic-plans', '/goals', '/objectives', '/programs', '/activities', '/sub-activities', '/indicators', '/achievements', '/performance/data?year=2026'];
    for (const path of lists) {
      const res = await api('GET', path, tokens.adminA);
      expect([path, res.status]).toEqual([path, 200]);
      const opdIds = new Set((res.body.data as Array<{ opdId?: string | null; id: string }>).map((r) => (path === '/opds' ? r.id : r.opdId)));
      expect([path, opdIds.has(opdB)]).toEqual([path, false]);
      expect([path, opdIds.has(opdA)]).toEqual([path, true]);
    }
    for (const path of lists.filter((p) => p !== '/opds')) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await api('GET', `${path}${sep}opdId=${opdB}`, tokens.adminA);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const periods = await api('GET', '/periods?year=2026', tokens.adminA);
    expect(periods.status).toBe(200);
    expect(JSON.stringify(periods.body.data)).not.toContain(opdB);
  });

  it('lets a viewer read but write nothing (403), with or without an OPD', async () => {
    for (const viewer of [tokens.viewerA, tokens.viewerAll]) {
      const before = await fingerprint(opdA);
      for (const [method, path, body] of writeCalls(treeA)) {
        const res = await api(method, path, viewer, body);
        expect([method, path, res.status]).toEqual([method, path, 403]);
      }
      for (const [method, path, body] of [
        ['POST', '/opds', { code: 'X', name: 'X' }],
        ['PUT', '/settings', {}],
        ['POST', `/achievements/${treeA.achievement}/verify`],
      ] as Array<[string, string, unknown?]>) {
        expect([path, (await api(method, path, viewer, body)).status]).toEqual([path, 403]);
      }
      expect(await fingerprint(opdA)).toEqual(before);
      expect((await api('GET', `/indicators/${treeA.indicator}`, viewer)).status).toBe(200);
    }
    // A viewer without an OPD reads every OPD.
    expect((await api('GET', `/indicators/${treeB.indicator}`, tokens.viewerAll)).status).toBe(200);
    expect((await api('GET', `/indicators/${treeB.indicator}`, tokens.viewerA)).status).toBe(404);
  });

  it('lets an evaluator read everything and verify, but edit nothing', async () => {
    const before = await fingerprint(opdA);
    for (const [method, path, body] of writeCalls(treeA)) {
      const res = await api(method, path, tokens.evaluator, body);
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
    expect(await fingerprint(opdA)).toEqual(before);
    expect((await api('GET', `/achievements/${treeB.achievement}`, tokens.evaluator)).status).toBe(200);
  });

  it('runs the workflow by role: admin_opd submits, super_admin cannot verify, the evaluator returns and verifies', async () => {
    const id = treeA.achievement;
    expect((await api('POST', `/achievements/${id}/verify`, tokens.evaluator)).status).toBe(409); // still draft
    expect((await api('POST', `/achievements/${id}/submit`, tokens.adminA)).body.data.status).toBe('submitted');
    expect((await api('POST', `/achievements/${id}/verify`, tokens.admin)).status).toBe(403);
    expect((await api('POST', `/achievements/${id}/verify`, tokens.adminA)).status).toBe(403);
    const returned = await api('POST', `/achievements/${id}/return`, tokens.evaluator, { note: 'Lampirkan bukti survei' });
    expect(returned.status).toBe(200);
    expect(returned.body.data.status).toBe('revision');
    expect((await api('PATCH', `/achievements/${id}`, tokens.adminA, { realization: 76, notes: 'Bukti dilampirkan' })).status).toBe(200);
    expect((await api('POST', `/achievements/${id}/submit`, tokens.adminA)).status).toBe(200);
    const verified = await api('POST', `/achievements/${id}/verify`, tokens.evaluator);
    expect(verified.status).toBe(200);
    expect(verified.body.data.status).toBe('verified');
    const history = await ok<Array<{ fromStatus: string | null; toStatus: string }>>('GET', `/achievements/${id}/history`, tokens.viewerA);
    expect(history.map((h) => h.toStatus)).toEqual(['draft', 'submitted', 'revision', 'submitted', 'verified']);
    // 76 of 80 under an average over Q1 alone: 95.00, Sangat Tinggi.
    const perf = await ok<Array<{ indicatorId: string; capaian: number; category: string }>>('GET', `/performance/data?year=2026&period=Q1&opdId=${opdA}`, tokens.viewerA);
    expect(perf.find((r) => r.indicatorId === treeA.indicator)).toMatchObject({ capaian: 95, category: 'Sangat Tinggi' });
  });

  it('narrows API keys to their scopes: no achievements:write, no achievement', async () => {
    const key = (await ok('POST', '/api-keys', tokens.adminA, { name: 'reader', scopes: ['plans:read', 'achievements:read'] })).key as string;
    const headers = { authorization: `ApiKey ${key}` };
    const count = async () => (await s.sql<{ n: string }>(`SELECT count(*) n FROM core.achievements`))[0].n;
    const before = await count();
    const create = await s.http('POST', '/api/v1/achievements', { headers, body: { indicatorId: treeA.indicator, year: 2026, period: 'Q3', realization: 70 } });
    expect(create.status).toBe(403);
    expect(await count()).toBe(before);
    expect((await s.http('GET', `/api/v1/indicators/${treeA.indicator}`, { headers })).status).toBe(200);
    expect((await s.http('GET', `/api/v1/indicators/${treeB.indicator}`, { headers })).status).toBe(404);
  });

  it('makes auth follow core\'s OPD list: a user or key for an unknown or deleted OPD is refused', async () => {
    await s.auth!.get(OpdDirectory).whenSynced();
    const user = (opdId: string) => ({ email: `x-${opdId.slice(0, 8)}@e2e.test`, name: 'X', password: 'Kinerja-Opd-Baru-2026', role: 'viewer', opdId });
    const unknown = await api('POST', '/users', tokens.admin, user('0195f5a0-0000-7000-8000-0000000000ff'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'opdId', message: 'no such OPD' }]);
    // Created a moment ago: known to auth through evt.core.opd.changed.v1.
    const fresh = (await ok('POST', '/opds', tokens.admin, { code: 'BAPPEDA', name: 'Badan Perencanaan' })).id;
    expect((await api('POST', '/users', tokens.admin, user(fresh))).status).toBe(201);
    const gone = (await ok('POST', '/opds', tokens.admin, { code: 'TMP', name: 'Sementara' })).id;
    expect((await api('DELETE', `/opds/${gone}`, tokens.admin)).status).toBe(204);
    const poll = Date.now() + 5000;
    let refused = 0;
    while (Date.now() < poll && refused !== 400) {
      refused = (await api('POST', '/api-keys', tokens.admin, { name: 'k', scopes: ['plans:read'], opdId: gone })).status;
      if (refused !== 400) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused).toBe(400);
  });

  it('keeps administration to super_admin: periods, locks, audit log, OPDs, settings, the RPJMD', async () => {
    const rpjmd = (await ok('POST', '/strategic-plans', tokens.admin, { opdId: null, periodStart: 2025, periodEnd: 2029, vision: 'Visi Pemda', mission: 'Misi Pemda' })).id;
    const pemdaGoal = (await ok('POST', '/goals', tokens.admin, { strategicPlanId: rpjmd, code: 'TP1', name: 'Tujuan Pemda' })).id;
    for (const who of ['adminA', 'viewerA', 'evaluator'] as const) {
      const calls: Array<[string, string, unknown?]> = [
        ['PUT', '/periods/2026/Q4', { inputDeadline: '2027-01-15T00:00:00Z' }],
        ['POST', '/periods/2026/Q4/lock', {}],
        ['GET', '/audit-logs'],
        ['POST', '/opds', { code: 'NEW', name: 'Baru' }],
        ['PATCH', `/opds/${opdA}`, { name: 'Diubah' }],
        ['PUT', '/settings', { pemdaName: 'X' }],
        ['POST', '/goals', { strategicPlanId: rpjmd, code: 'TP9', name: 'Baru' }],
        ['PATCH', `/goals/${pemdaGoal}`, { name: 'Diubah' }],
      ];
      for (const [method, path, body] of calls) {
        expect([who, method, path, (await api(method, path, tokens[who], body)).status]).toEqual([who, method, path, 403]);
      }
    }
    // The RPJMD is readable by every role.
    expect((await api('GET', `/goals/${pemdaGoal}`, tokens.viewerA)).status).toBe(200);
    expect((await api('GET', '/audit-logs', tokens.admin)).status).toBe(200);
  });

  it('keeps an evaluator\'s key bound to its OPD', async () => {
    const key = (await ok('POST', '/api-keys', tokens.evaluator, { name: 'dinkes-only', scopes: ['plans:read'], opdId: opdA })).key as string;
    const headers = { authorization: `ApiKey ${key}` };
    expect((await s.http('GET', `/api/v1/indicators/${treeA.indicator}`, { headers })).status).toBe(200);
    expect((await s.http('GET', `/api/v1/indicators/${treeB.indicator}`, { headers })).status).toBe(404);
    const list = await s.http('GET', '/api/v1/indicators', { headers });
    expect(list.body.data.map((i: { opdId: string }) => i.opdId)).not.toContain(opdB);
  });

  it('answers malformed queries, bodies and preconditions with 4xx, never 500', async () => {
    for (const path of ['/indicators?limit=0', '/indicators?limit=101', '/indicators?isIku=maybe', '/performance/data?year=abc', '/achievements?year=20260', '/indicators?sort=secret', '/indicators?bogus=1']) {
      const res = await api('GET', path, tokens.adminA);
      expect([path, res.status, res.body?.error?.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
    const notJson = await s.http('POST', '/api/v1/opds', { token: tokens.admin, rawBody: '{"code":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const stale = await api('PATCH', `/indicators/${treeA.indicator}`, tokens.adminA, { name: 'Diubah' }, { 'if-match': '"9999999999"' });
    expect(stale.status).toBe(412);
    const foreign = await api('GET', `/performance/data?year=2026&indicatorId=${treeB.indicator}`, tokens.adminA);
    expect([200, 404]).toContain(foreign.status);
    if (foreign.status === 200) expect(foreign.body.data).toEqual([]);
  });

  it('scopes budgets, the budget summary, dashboards and analytics to the caller\'s OPD', async () => {
    for (const t of [treeA, treeB]) {
      await ok('POST', '/budget-allocations', tokens.admin, { nodeType: 'sub_activity', nodeId: t.subActivity, year: 2026, revision: 'murni', pagu: '1500000000.00' });
    }
    const own = await api('POST', '/budget-realizations', tokens.adminA, { nodeType: 'sub_activity', nodeId: treeA.subActivity, year: 2026, month: 3, amount: '250000000.50' });
    expect(own.status).toBe(201);
    expect(own.body.data.amount).toBe('250000000.50');
    expect((await api('POST', '/budget-realizations', tokens.adminA, { nodeType: 'sub_activity', nodeId: treeB.subActivity, year: 2026, month: 3, amount: '1.00' })).status).toBe(404);
    expect((await api('POST', '/budget-allocations', tokens.adminA, { nodeType: 'sub_activity', nodeId: treeA.subActivity, year: 2026, revision: 'perubahan', pagu: '1.00' })).status).toBe(403);
    const summary = await api('GET', '/budget/summary?year=2026', tokens.adminA);
    expect(summary.status).toBe(200);
    expect(summary.body.data.map((n: { opdId: string }) => n.opdId)).toEqual([opdA]);
    expect(summary.body.data[0]).toMatchObject({ nodeId: treeA.subActivity, pagu: '1500000000.00', realization: '250000000.50' });
    expect((await api('GET', `/budget/summary?year=2026&opdId=${opdB}`, tokens.adminA)).status).toBe(404);

    const dashboard = await api('GET', '/dashboard/summary?year=2026', tokens.adminA);
    expect(dashboard.status).toBe(200);
    expect(JSON.stringify(dashboard.body.data)).not.toContain(opdB);
    expect((await api('GET', `/dashboard/summary?year=2026&opdId=${opdB}`, tokens.adminA)).status).toBe(404);
    expect((await api('GET', `/analytics/indicators/${treeA.indicator}?years=2026`, tokens.viewerA)).status).toBe(200);
    expect((await api('GET', `/analytics/indicators/${treeB.indicator}?years=2026`, tokens.viewerA)).status).toBe(404);
    expect((await api('GET', `/analytics/opds/${opdB}`, tokens.viewerA)).status).toBe(404);
    expect((await api('GET', `/analytics/opds/${opdB}`, tokens.evaluator)).status).toBe(200);
  });

  it('runs an LKE evaluation: evaluator answers and finalizes, super_admin publishes, the OPD sees it only then and follows up', async () => {
    const evaluation = await ok('POST', '/evaluations', tokens.evaluator, { opdId: opdA, year: 2025 });
    expect((await api('POST', '/evaluations', tokens.adminA, { opdId: opdA, year: 2024 })).status).toBe(403);
    expect((await api('GET', `/evaluations/${evaluation.id}`, tokens.adminA)).status).toBe(404); // a draft is the evaluator's
    const criteria = (evaluation.components as Array<{ id: string; subComponents: Array<{ criteria: Array<{ id: string; answerType: string }> }> }>).flatMap((c) =>
      c.subComponents.flatMap((sc) => sc.criteria),
    );
    const answers = criteria.map((c) => ({ criterionId: c.id, answer: c.answerType === 'yes_no' ? 'Y' : 'A' }));
    expect((await api('PUT', `/evaluations/${evaluation.id}/answers`, tokens.admin, { answers })).status).toBe(403); // separation of duties
    expect((await api('PUT', `/evaluations/${evaluation.id}/answers`, tokens.evaluator, { answers })).status).toBe(200);
    const component = (evaluation.components as Array<{ id: string }>)[0].id;
    const rec = await ok('POST', `/evaluations/${evaluation.id}/recommendations`, tokens.evaluator, { componentId: component, text: 'Perbaiki cascading kinerja' });
    const final = await ok('POST', `/evaluations/${evaluation.id}/finalize`, tokens.evaluator);
    expect(final).toMatchObject({ status: 'final', score: 100, grade: 'AA' });
    expect((await api('PUT', `/evaluations/${evaluation.id}/answers`, tokens.evaluator, { answers })).status).toBe(409);
    // Not yet published: for the OPD it does not exist (404); super_admin is told it is too early (409).
    expect((await api('PUT', `/evaluations/${evaluation.id}/recommendations/${rec.id}/follow-up`, tokens.adminA, { text: 'x', status: 'open' })).status).toBe(404);
    expect((await api('PUT', `/evaluations/${evaluation.id}/recommendations/${rec.id}/follow-up`, tokens.admin, { text: 'x', status: 'open' })).status).toBe(409);
    expect((await api('POST', `/evaluations/${evaluation.id}/publish`, tokens.evaluator)).status).toBe(403);
    expect((await api('POST', `/evaluations/${evaluation.id}/publish`, tokens.admin)).body.data.status).toBe('published');
    expect((await api('GET', `/evaluations/${evaluation.id}`, tokens.viewerA)).body.data.grade).toBe('AA');
    const followUp = await api('PUT', `/evaluations/${evaluation.id}/recommendations/${rec.id}/follow-up`, tokens.adminA, { text: 'Cascading disusun ulang', status: 'done' });
    expect(followUp.status).toBe(200);
    const outbox = await s.sql(`SELECT data FROM core.outbox WHERE subject = 'evt.core.evaluation.published.v1'`);
    expect(outbox.map((r) => r.data)).toEqual([expect.objectContaining({ evaluationId: evaluation.id, opdId: opdA, score: '100.00', grade: 'AA' })]);
  });

  it('refuses bad input with 400 and details, writing nothing', async () => {
    const before = await fingerprint(opdA);
    const base = { parentType: 'objective', parentId: treeA.objective, name: 'X', definition: 'd', formula: 'f', unit: '%', category: 'outcome', isIku: false, frequency: 'quarterly', polarity: 'higher_better', aggregation: 'sum' };
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/indicators', { ...base, polarity: 'up' }],
      ['POST', '/indicators', { ...base, frequency: 'weekly' }],
      ['POST', '/indicators', { ...base, unknownField: 1 }],
      ['PUT', `/indicators/${treeA.indicator}/targets`, { year: 2026, annual: -5, periods: { Q1: -5, Q2: -5, Q3: -5, Q4: -5 } }],
      ['PUT', `/indicators/${treeA.indicator}/targets`, { year: 2026, annual: 80, periods: { Q1: 10, Q2: 80, Q3: 80, Q4: 80 } }],
      ['POST', '/achievements', { indicatorId: treeA.indicator, year: 2026, period: 'M01', realization: 5 }],
      ['POST', '/achievements', { indicatorId: 'not-a-uuid', year: 2026, period: 'Q2', realization: 5 }],
      ['GET', '/indicators/not-a-uuid', undefined],
      ['GET', '/achievements?status=approved', undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await api(method, path, tokens.adminA, body);
      expect([method, path, res.status, res.body?.error?.code]).toEqual([method, path, 400, 'VALIDATION_FAILED']);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    expect(await fingerprint(opdA)).toEqual(before);
  });
});

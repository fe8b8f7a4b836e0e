import { E2eStack } from './stack';

/**
 * Achievement import end to end (issue #7): a CSV uploaded through the gateway to the file service,
 * imported by core's job reading the bytes back from the file service as the requester.
 */
describe('achievement import through the gateway (e2e)', () => {
  let s: E2eStack;
  let admin: string;
  let adminA: string;
  let indicator: string;

  async function ok<T = any>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const res = await s.http(method, `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
    return res.body?.data as T;
  }

  async function uploadCsv(token: string, csv: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'capaian-triwulan.csv');
    const res = await fetch(`${s.base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = (await res.json()) as { data: { id: string } };
    if (res.status !== 201) throw new Error(`upload → ${res.status} ${JSON.stringify(body)}`);
    return body.data.id;
  }

  async function finished(token: string, id: string): Promise<{ status: string; total: number; succeeded: number; failed: number }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const job = await ok('GET', `/imports/${id}`, token);
      if (job.status === 'done' || job.status === 'failed' || Date.now() > deadline) return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    s = await E2eStack.start({}, {}, { core: true, file: true });
    admin = (await s.loginAdmin()).accessToken;
    const opd = (await ok('POST', '/opds', admin, { code: 'DINKES', name: 'Dinas Kesehatan' })).id;
    await ok('POST', '/users', admin, { email: 'operator@e2e.test', name: 'Operator', password: 'Sasaran-Strategis-Sukamaju-2026', role: 'admin_opd', opdId: opd });
    adminA = (await s.login('operator@e2e.test', 'Sasaran-Strategis-Sukamaju-2026')).accessToken;
    const plan = (await ok('POST', '/strategic-plans', adminA, { opdId: opd, periodStart: 2025, periodEnd: 2029, vision: 'Visi', mission: 'Misi' })).id;
    const goal = (await ok('POST', '/goals', adminA, { strategicPlanId: plan, code: 'T1', name: 'Tujuan' })).id;
    const objective = (await ok('POST', '/objectives', adminA, { goalId: goal, code: 'S1', name: 'Sasaran' })).id;
    indicator = (
      await ok('POST', '/indicators', adminA, {
        parentType: 'objective',
        parentId: objective,
        name: 'Cakupan imunisasi dasar lengkap',
        definition: 'Bayi yang mendapat imunisasi dasar lengkap',
        formula: 'bayi IDL / seluruh bayi × 100',
        unit: '%',
        category: 'outcome',
        isIku: true,
        frequency: 'quarterly',
        polarity: 'higher_better',
        aggregation: 'average',
      })
    ).id;
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('imports the good rows, rejects the bad one with its reason, and changes nothing on a re-import', async () => {
    const csv = ['indicatorId,year,period,realization,notes', `${indicator},2026,Q1,81.5,"Data Dinkes, TW I"`, `${indicator},2026,Q2,84,`, `${indicator},2026,M03,80,bulan tidak berlaku`].join('\r\n');
    const fileId = await uploadCsv(adminA, csv);
    const started = await s.http('POST', '/api/v1/imports/achievements', { token: adminA, body: { fileId } });
    expect([started.status, started.body.data.status]).toEqual([202, 'queued']);
    const job = await finished(adminA, started.body.data.id);
    expect(job).toMatchObject({ status: 'done', total: 3, succeeded: 2, failed: 1 });
    const bad = await ok<Array<{ row: number; ok: boolean; error: string }>>('GET', `/imports/${started.body.data.id}/rows?ok=false`, adminA);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ ok: false });
    expect(bad[0]).toMatchObject({ row: 4 });
    expect(bad[0].error).toMatch(/quarterly indicator reports in Q1, Q2, Q3, Q4/);
    const rows = await s.sql<{ period: string; realization: string; notes: string | null; status: string }>(
      `SELECT period, realization::text, notes, status FROM core.achievements WHERE indicator_id = $1 ORDER BY period`,
      [indicator],
    );
    expect(rows).toEqual([
      { period: 'Q1', realization: '81.5000', notes: 'Data Dinkes, TW I', status: 'draft' },
      { period: 'Q2', realization: '84.0000', notes: null, status: 'draft' },
    ]);
    const audits = async () => (await s.sql<{ n: number }>(`SELECT count(*)::int AS n FROM core.audit_log WHERE table_name = 'achievements'`))[0].n;
    const before = await audits();
    const again = await s.http('POST', '/api/v1/imports/achievements', { token: adminA, body: { fileId } });
    expect((await finished(adminA, again.body.data.id)).status).toBe('done');
    expect(await audits()).toBe(before);
  });

  it('links evidence the operator may see to an achievement; an unknown id is a 400 and the linked file cannot be deleted', async () => {
    const fileId = await uploadCsv(adminA, 'bukti,nilai\r\nimunisasi,81\r\n');
    const stranger = '0195f5a0-0000-7000-8000-0000000000aa';
    const refused = await s.http('POST', '/api/v1/achievements', { token: adminA, body: { indicatorId: indicator, year: 2026, period: 'Q4', realization: 90, documentIds: [fileId, stranger] } });
    expect([refused.status, refused.body.error.details]).toEqual([400, [{ field: 'documentIds', message: `no file ${stranger} that you may see` }]]);
    const created = await ok('POST', '/achievements', adminA, { indicatorId: indicator, year: 2026, period: 'Q4', realization: 90, documentIds: [fileId] });
    expect(created.documentIds).toEqual([fileId]);
    // Once core's file_links event has reached the file service, the file is referenced.
    const deadline = Date.now() + 10_000;
    while (!(await s.sql(`SELECT 1 FROM file.file_links WHERE file_id = $1`, [fileId])).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await s.http('DELETE', `/api/v1/files/${fileId}`, { token: adminA })).status).toBe(409);
  });

  it('keeps the import to roles that may write achievements', async () => {
    const viewer = await s.http('POST', '/api/v1/users', { token: admin, body: { email: 'pemirsa@e2e.test', name: 'Pemirsa', password: 'Sasaran-Strategis-Sukamaju-2026', role: 'viewer' } });
    expect(viewer.status).toBe(201);
    const token = (await s.login('pemirsa@e2e.test', 'Sasaran-Strategis-Sukamaju-2026')).accessToken;
    const res = await s.http('POST', '/api/v1/imports/achievements', { token, body: { fileId: '0195f5a0-0000-7000-8000-0000000000ff' } });
    expect(res.status).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import { IntegrationSimulator, SIMULATOR_CREDENTIALS, sipdRows } from '../simulators/integration-simulator';
import { E2eStack } from './stack';

const CODES = ['1.02.01.2.01.0001', '1.02.01.2.01.0002', '1.02.01.2.01.0003'];

/**
 * SIPD → integration-sync → core through the gateway: the budget lands in core by SIPD code
 * (never through core's schema: integration-sync only calls core.budget.upsert.v1), and a second
 * run changes nothing.
 */
describe('integrations through the gateway (e2e)', () => {
  let s: E2eStack;
  let token: string;
  const sim = new IntegrationSimulator({ sipd: { 2026: sipdRows([...CODES, '9.99.99.9.99.9999'].map((code) => ({ code })), 2026, 10) }, units: [], employees: [] });

  beforeAll(async () => {
    const url = await sim.start();
    s = await E2eStack.start({}, { integration: { INTEGRATION_ALLOWED_HOSTS: new URL(url).host, INTEGRATION_SCHEDULER_INTERVAL_MS: '0' } }, { core: true, integration: true });
    token = (await s.loginAdmin()).accessToken;
    // An OPD Renstra 2025–2029 whose sub-kegiatan carry the SIPD codes (fixture rows in core's schema).
    const opd = randomUUID();
    const plan = randomUUID();
    const ids = Array.from({ length: 4 + CODES.length }, () => randomUUID());
    await s.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, 'E2E-OPD', 'Dinas Kesehatan')`, [opd]);
    await s.sql(`INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $2, 2025, 2029, 'Visi', 'Misi')`, [plan, opd]);
    const node = (i: number, level: string, parent: number | null, code: string, sipd: string | null) =>
      s.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sipd_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [ids[i], level, plan, parent === null ? null : ids[parent], opd, code, `${level} ${code}`, sipd]);
    await node(0, 'goal', null, 'T1', null);
    await node(1, 'objective', 0, 'S1', null);
    await node(2, 'program', 1, 'P1', '1.02.01');
    await node(3, 'activity', 2, 'K1', '1.02.01.2.01');
    for (const [i, code] of CODES.entries()) await node(4 + i, 'sub_activity', 3, `SK${i + 1}`, code);
  });

  afterAll(async () => {
    await s?.stop();
    await sim.stop();
  });

  const settle = async (id: string, runId: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const logs = await s.http('GET', `/api/v1/integrations/${id}/logs`, { token });
      const run = logs.body.data.find((r: { id: string }) => r.id === runId);
      if (run && ['success', 'partial', 'failed'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} did not settle: ${JSON.stringify(run)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('creates a SIPD integration, syncs budget into core, quarantines the unknown code, and a re-run changes nothing', async () => {
    const created = await s.http('POST', '/api/v1/integrations', {
      token,
      body: { type: 'sipd', name: 'SIPD Kemendagri', baseUrl: `${sim.url}/sipd`, credentials: { apiKey: SIMULATOR_CREDENTIALS.apiKey }, syncFrequency: 'manual', options: { years: [2026] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.credentials).toBeUndefined();
    const id = created.body.data.id as string;
    expect(created.headers.get('etag')).toBe('"1"');

    const accepted = await s.http('POST', `/api/v1/integrations/${id}/sync`, { token });
    expect(accepted.status).toBe(202);
    const run = await settle(id, accepted.body.data.syncLogId);
    expect(run).toMatchObject({ status: 'partial', updated: 0 });
    const allocations = await s.sql(`SELECT a.pagu::text AS pagu, n.sipd_code FROM core.budget_allocations a JOIN core.plan_nodes n ON n.id = a.node_id WHERE a.year = 2026 ORDER BY n.sipd_code, a.revision`);
    expect(new Set(allocations.map((a) => a.sipd_code))).toEqual(new Set(CODES));
    const [{ n: realizations }] = await s.sql(`SELECT count(*)::int AS n FROM core.budget_realizations WHERE year = 2026`);
    expect(realizations).toBe(CODES.length * 10);
    expect(run.inserted).toBe(allocations.length + realizations);

    const quarantine = await s.http('GET', `/api/v1/integrations/${id}/quarantine`, { token });
    expect(quarantine.body.data.map((q: { recordKey: string }) => q.recordKey)).toEqual(['9.99.99.9.99.9999']);
    expect(quarantine.body.meta).toMatchObject({ total: 1 });

    const again = await s.http('POST', `/api/v1/integrations/${id}/sync`, { token });
    const second = await settle(id, again.body.data.syncLogId);
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: run.inserted });
    const health = await s.http('GET', `/api/v1/integrations/${id}/health`, { token });
    expect(health.body.data).toMatchObject({ score: 50, status: 'degraded', breaker: 'closed' });

    const stale = await s.http('PATCH', `/api/v1/integrations/${id}`, { token, headers: { 'if-match': '"7"' }, body: { name: 'x' } });
    expect(stale.status).toBe(412);
    expect((await s.http('POST', '/api/v1/integrations', { token, body: { type: 'sipd', name: 'x', baseUrl: 'http://169.254.169.254/', credentials: { apiKey: 'k' }, syncFrequency: 'manual' } })).status).toBe(400);
    expect((await s.http('DELETE', `/api/v1/integrations/${id}`, { token })).status).toBe(204);
    expect((await s.http('GET', `/api/v1/integrations/${id}`, { token })).status).toBe(404);
  });
});

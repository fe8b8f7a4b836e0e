/**
 * SIPD sync end to end (issue #9): ~200,000 budget rows (sub-kegiatan pagu murni/perubahan and
 * 12 monthly realizations) from the simulator through integration-sync into core — paged, checked,
 * sent in ≤1,000-row batches over NATS, upserted set-based with audit — against, in the same run
 * on the same database: a per-row find-then-update-or-insert loop (how the reference backend writes
 * them; on a sample, as it is slow) and a raw `unnest` upsert in one SQL session (the ceiling).
 * auth, core-performance, integration-sync and the gateway run as separate processes, as deployed;
 * load stays on 127.0.0.1.
 * Run: npm run bench:sync   (BENCH_SYNC_ROWS, default 200,000; BENCH_LOOP_ROWS, default 20,000)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { IntegrationSimulator, SIMULATOR_CREDENTIALS, sipdRows } from '../simulators/integration-simulator';
import { httpJson } from '@sakip/testing';
import { authenticator } from 'otplib';
import { fmt, startBenchStack } from './lib/bench-stack';

const TARGET_ROWS = Number(process.env['BENCH_SYNC_ROWS'] ?? 200_000);
const LOOP_ROWS = Number(process.env['BENCH_LOOP_ROWS'] ?? 20_000);
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

interface BudgetRow {
  code: string;
  kind: 'murni' | 'perubahan' | 'month';
  month: number;
  amount: string;
}

function flatten(rows: Array<Record<string, unknown>>): BudgetRow[] {
  return rows.flatMap((r) => {
    const code = String(r['kode_sub_kegiatan']);
    const out: BudgetRow[] = [{ code, kind: 'murni', month: 0, amount: Number(r['pagu_murni']).toFixed(2) }];
    if (r['pagu_perubahan'] !== null) out.push({ code, kind: 'perubahan', month: 0, amount: Number(r['pagu_perubahan']).toFixed(2) });
    for (const m of r['realisasi'] as Array<{ bulan: number; nilai: number }>) out.push({ code, kind: 'month', month: m.bulan, amount: m.nilai.toFixed(2) });
    return out;
  });
}

async function main() {
  // ~13.3 budget rows per sub-kegiatan (murni, 30 % perubahan, 12 months).
  const codeCount = Math.ceil(TARGET_ROWS / 13.3);
  const codes = Array.from({ length: codeCount }, (_, i) => ({ code: `1.02.01.2.01.${String(i + 1).padStart(5, '0')}` }));
  const sipd = sipdRows(codes, 2026, 12);
  const rows = flatten(sipd);
  const sim = new IntegrationSimulator({ sipd: { 2026: sipd }, units: [], employees: [] });
  const url = await sim.start();
  const s = await startBenchStack(
    { LOG_LEVEL: 'error', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp },
    { core: true, integration: { INTEGRATION_ALLOWED_HOSTS: new URL(url).host, INTEGRATION_SCHEDULER_INTERVAL_MS: '0' } },
  );
  const http = (method: string, path: string, o: Parameters<typeof httpJson>[3] = {}) => httpJson(s.gatewayUrl, method, path, o);
  const pg = new Client({ connectionString: s.stack.db.adminUrl });
  await pg.connect();
  try {
    const opd = randomUUID();
    const plan = randomUUID();
    const [goal, objective, program, activity] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await pg.query(`INSERT INTO core.opds (id, code, name) VALUES ($1, 'BENCH', 'Dinas Bench')`, [opd]);
    await pg.query(`INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $2, 2025, 2029, 'Visi', 'Misi')`, [plan, opd]);
    await pg.query(
      `INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sipd_code) VALUES
         ($1, 'goal', $5, NULL, $6, 'T1', 'Tujuan', NULL), ($2, 'objective', $5, $1, $6, 'S1', 'Sasaran', NULL),
         ($3, 'program', $5, $2, $6, 'P1', 'Program', '1.02.01'), ($4, 'activity', $5, $3, $6, 'K1', 'Kegiatan', '1.02.01.2.01')`,
      [goal, objective, program, activity, plan, opd],
    );
    await pg.query(
      `INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sipd_code)
       SELECT gen_random_uuid(), 'sub_activity', $1, $2, $3, 'SK' || c.ord, 'Sub Kegiatan ' || c.ord, c.code FROM unnest($4::text[]) WITH ORDINALITY AS c(code, ord)`,
      [plan, activity, opd, codes.map((c) => c.code)],
    );
    await pg.query('ANALYZE core.plan_nodes');

    // 1. Per-row find-then-update-or-insert (year 2027), on a sample.
    const sample = rows.slice(0, Math.min(LOOP_ROWS, rows.length));
    let t = performance.now();
    for (const r of sample) {
      const node = (await pg.query(`SELECT id, opd_id FROM core.plan_nodes WHERE sipd_code = $1 AND level = 'sub_activity'`, [r.code])).rows[0] as { id: string; opd_id: string };
      if (r.kind === 'month') {
        const found = (await pg.query(`SELECT id FROM core.budget_realizations WHERE node_id = $1 AND year = 2027 AND month = $2`, [node.id, r.month])).rows[0];
        if (found) await pg.query(`UPDATE core.budget_realizations SET amount = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [found.id, r.amount]);
        else await pg.query(`INSERT INTO core.budget_realizations (id, node_type, node_id, opd_id, year, month, amount, source) VALUES (gen_random_uuid(), 'sub_activity', $1, $2, 2027, $3, $4, 'sipd')`, [node.id, node.opd_id, r.month, r.amount]);
      } else {
        const found = (await pg.query(`SELECT id FROM core.budget_allocations WHERE node_id = $1 AND year = 2027 AND revision = $2`, [node.id, r.kind])).rows[0];
        if (found) await pg.query(`UPDATE core.budget_allocations SET pagu = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [found.id, r.amount]);
        else await pg.query(`INSERT INTO core.budget_allocations (id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source) VALUES (gen_random_uuid(), 'sub_activity', $1, $2, 2027, $3, $4, $5, 'sipd')`, [node.id, node.opd_id, r.kind, r.amount, r.code]);
      }
    }
    const loopSec = (performance.now() - t) / 1000;

    // 2. The ceiling: unnest upserts on one session (year 2028), 5,000 rows a statement.
    t = performance.now();
    const nodeOf = new Map((await pg.query(`SELECT sipd_code, id FROM core.plan_nodes WHERE level = 'sub_activity' AND strategic_plan_id = $1`, [plan])).rows.map((r: { sipd_code: string; id: string }) => [r.sipd_code, r.id]));
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      const allocs = chunk.filter((r) => r.kind !== 'month');
      const months = chunk.filter((r) => r.kind === 'month');
      await pg.query(
        `INSERT INTO core.budget_allocations AS a (id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source)
         SELECT gen_random_uuid(), 'sub_activity', t.node_id, $1, 2028, t.revision, t.pagu, t.code, 'sipd' FROM unnest($2::uuid[], $3::text[], $4::numeric[], $5::text[]) AS t(node_id, revision, pagu, code)
         ON CONFLICT (node_id, year, revision) DO UPDATE SET pagu = EXCLUDED.pagu WHERE a.pagu IS DISTINCT FROM EXCLUDED.pagu`,
        [opd, allocs.map((r) => nodeOf.get(r.code)), allocs.map((r) => r.kind), allocs.map((r) => r.amount), allocs.map((r) => r.code)],
      );
      await pg.query(
        `INSERT INTO core.budget_realizations AS m (id, node_type, node_id, opd_id, year, month, amount, source)
         SELECT gen_random_uuid(), 'sub_activity', t.node_id, $1, 2028, t.month, t.amount, 'sipd' FROM unnest($2::uuid[], $3::int[], $4::numeric[]) AS t(node_id, month, amount)
         ON CONFLICT (node_id, year, month) DO UPDATE SET amount = EXCLUDED.amount WHERE m.amount IS DISTINCT FROM EXCLUDED.amount`,
        [opd, months.map((r) => nodeOf.get(r.code)), months.map((r) => r.month), months.map((r) => r.amount)],
      );
    }
    const ceilingSec = (performance.now() - t) / 1000;

    // 3. The sync through the gateway (year 2026).
    const challenge = await http('POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const token = (await http('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.data.mfaToken, code: authenticator.generate(ADMIN.totp) } })).body.data.accessToken as string;
    const created = await http('POST', '/api/v1/integrations', { token, body: { type: 'sipd', name: 'SIPD bench', baseUrl: `${url}/sipd`, credentials: { apiKey: SIMULATOR_CREDENTIALS.apiKey }, syncFrequency: 'manual', options: { years: [2026] } } });
    const id = created.body.data.id as string;
    t = performance.now();
    const runId = (await http('POST', `/api/v1/integrations/${id}/sync`, { token })).body.data.syncLogId as string;
    let run: { status: string; inserted: number; failed: number; error: string | null } | undefined;
    for (;;) {
      run = (await http('GET', `/api/v1/integrations/${id}/logs`, { token })).body.data.find((r: { id: string }) => r.id === runId);
      if (run && ['success', 'partial', 'failed'].includes(run.status)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const syncSec = (performance.now() - t) / 1000;
    if (run.status !== 'success') throw new Error(`sync ended ${run.status}: ${run.error}`);

    console.log(`\nSIPD sync: ${codeCount.toLocaleString('en-US')} sub-kegiatan = ${rows.length.toLocaleString('en-US')} budget rows (2 cores shared by PostgreSQL, NATS, every service and the simulator)`);
    console.log('| path | rows | seconds | rows/s |');
    console.log('|---|---|---|---|');
    console.log(`| per-row find-then-update-or-insert loop (sample) | ${sample.length.toLocaleString('en-US')} | ${fmt(loopSec, 1)} | ${fmt(sample.length / loopSec, 0)} |`);
    console.log(`| raw unnest upsert, one session (ceiling) | ${rows.length.toLocaleString('en-US')} | ${fmt(ceilingSec, 1)} | ${fmt(rows.length / ceilingSec, 0)} |`);
    console.log(`| simulator → integration-sync → NATS → core (checked, batched, audited) | ${run.inserted.toLocaleString('en-US')} | ${fmt(syncSec, 1)} | ${fmt(run.inserted / syncSec, 0)} |`);
    console.log(`\nsync vs per-row loop: ${fmt(run.inserted / syncSec / (sample.length / loopSec), 2)}× · sync vs ceiling: ${fmt(run.inserted / syncSec / (rows.length / ceilingSec), 2)}×`);
  } finally {
    await pg.end();
    await s.stop();
    await sim.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

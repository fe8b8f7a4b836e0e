/**
 * Achievement import (issue #7): a 50,000-row CSV through core's import job (download from the
 * file service, parse, judge every row, set-based upsert + history + audit in one transaction)
 * against a per-row loop of the same inserts on a bare pg client (achievement + history row per
 * row, the way a row-at-a-time backend writes them, without the audit or checks), in one run.
 * Core runs in-process; the file service is stood in for by a grant responder and an HTTP server.
 * Run: npm run bench:import   (BENCH_IMPORT_ROWS to adjust, default 50,000; 127.0.0.1 only)
 */
import 'reflect-metadata';
import { CORE_SUBJECTS, FILE_SUBJECTS, Role, type ImportAccepted, type ImportView } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { callerAs } from '@sakip/testing';
import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startCore, type CoreHarness } from '../../apps/core-performance/test/core-harness';
import buildTemplate from '../testing/build-template';
import { fmt } from './lib/bench-stack';

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 50_000);
const YEARS = [2025, 2026, 2027, 2028];
const MONTHS = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
const PER_INDICATOR = YEARS.length * MONTHS.length;
const codec = JSONCodec();

/** An OPD with a 2025–2029 Renstra and `count` monthly indicators, set-based. */
async function seedOpd(core: CoreHarness, count: number): Promise<{ opdId: string; indicators: string[] }> {
  const opdId = randomUUID();
  const planId = randomUUID();
  const goalId = randomUUID();
  const objectiveId = randomUUID();
  await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, $2, $3)`, [opdId, `B-${opdId.slice(0, 6)}`, 'Dinas Bench']);
  await core.sql(`INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $2, 2025, 2029, 'Visi', 'Misi')`, [planId, opdId]);
  await core.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) VALUES ($1, 'goal', $3, NULL, $4, 'T1', 'Tujuan'), ($2, 'objective', $3, $1, $4, 'S1', 'Sasaran')`, [goalId, objectiveId, planId, opdId]);
  const indicators = Array.from({ length: count }, () => randomUUID());
  await core.sql(
    `INSERT INTO core.indicators (id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit, category, is_iku, frequency, polarity, aggregation)
     SELECT i, 'objective', $2, $3, $2, $4, 'Indikator ' || n, 'definisi', 'rumus', 'persen', 'outcome', false, 'monthly', 'higher_better', 'sum'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(i, n)`,
    [indicators, objectiveId, planId, opdId],
  );
  return { opdId, indicators };
}

interface Row {
  indicatorId: string;
  year: number;
  period: string;
  realization: string;
}

function rowsFor(indicators: string[]): Row[] {
  const rows: Row[] = [];
  for (const indicatorId of indicators) for (const year of YEARS) for (const period of MONTHS) if (rows.length < ROWS) rows.push({ indicatorId, year, period, realization: (Math.random() * 100).toFixed(2) });
  return rows;
}

async function main() {
  const files = new Map<string, Buffer>();
  const http = createServer((req, res) => {
    const bytes = files.get((req.url ?? '').split('/').pop() ?? '');
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(bytes);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await buildTemplate();
  const core = await startCore({ LOG_LEVEL: 'error' });
  const pg = new Client({ connectionString: core.stack.db.adminUrl });
  try {
    const prefix = core.stack.env['NATS_PREFIX'] ?? '';
    core.nc.subscribe(prefix + FILE_SUBJECTS.downloadAuthorize, {
      callback: (_err, msg) => {
        const { fileId } = codec.decode(msg.data) as { fileId: string };
        const bytes = files.get(fileId);
        const path = `/internal/downloads/${fileId}`;
        const grant = { fileId, token: fileId, path, url: baseUrl + path, expiresAt: new Date(Date.now() + 60_000).toISOString(), filename: 'import.csv', contentType: 'text/csv', sizeBytes: bytes?.length ?? 0 };
        msg.respond(codec.encode({ ok: true, data: grant }));
      },
    });
    await core.nc.flush();
    const perOpd = Math.ceil(ROWS / PER_INDICATOR);
    const a = await seedOpd(core, perOpd);
    const b = await seedOpd(core, perOpd);
    const importRows = rowsFor(a.indicators);
    const loopRows = rowsFor(b.indicators);

    // Per-row loop first, on OPD B's indicators: two INSERTs per row, each its own round trip.
    await pg.connect();
    const actor = `user:${randomUUID()}`;
    let t = performance.now();
    for (const r of loopRows) {
      const id = uuidv7();
      await pg.query(
        `INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, notes, document_ids, input_by) VALUES ($1, $2, $3, $4, $5, $6, 'draft', NULL, '{}'::uuid[], $7)`,
        [id, r.indicatorId, b.opdId, r.year, r.period, r.realization, actor],
      );
      await pg.query(`INSERT INTO core.achievement_history (id, achievement_id, from_status, to_status, actor, note, occurred_at) VALUES ($1, $2, NULL, 'draft', $3, 'import', clock_timestamp())`, [uuidv7(), id, actor]);
    }
    const loopSec = (performance.now() - t) / 1000;

    // The import job on OPD A's indicators.
    const csv = ['indicatorId,year,period,realization,notes', ...importRows.map((r) => `${r.indicatorId},${r.year},${r.period},${r.realization},`)].join('\r\n');
    const fileId = randomUUID();
    files.set(fileId, Buffer.from(csv, 'utf8'));
    core.files.add(fileId);
    const admin = callerAs(Role.AdminOpd, a.opdId);
    t = performance.now();
    const accepted = await core.call<ImportAccepted>(CORE_SUBJECTS.importCreate, { fileId }, admin);
    let job: ImportView;
    for (;;) {
      job = await core.call<ImportView>(CORE_SUBJECTS.importGet, { id: accepted.id }, admin);
      if (job.status === 'done' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const importSec = (performance.now() - t) / 1000;
    if (job.status !== 'done' || job.succeeded !== importRows.length) throw new Error(`import ended ${job.status}: ${job.succeeded}/${importRows.length} rows, ${job.error ?? ''}`);
    const [{ n }] = await core.sql<{ n: string }>(`SELECT count(*) AS n FROM core.achievements WHERE opd_id = $1`, [a.opdId]);

    console.log(`\nAchievement import, ${importRows.length.toLocaleString('en-US')} rows (${(csv.length / 1024 / 1024).toFixed(1)} MiB CSV; 2 cores shared by core, PostgreSQL and this process)`);
    console.log('| path | seconds | rows/s |');
    console.log('|---|---|---|');
    console.log(`| per-row loop (INSERT achievement + INSERT history per row) | ${fmt(loopSec, 2)} | ${fmt(loopRows.length / loopSec, 0)} |`);
    console.log(`| import job (download, parse, judge, set-based upsert + history + audit) | ${fmt(importSec, 2)} | ${fmt(importRows.length / importSec, 0)} |`);
    console.log(`\nratio import/loop: ${fmt(loopSec / importSec, 2)}× the rows/s (${n} achievements stored by the import)`);
  } finally {
    await pg.end().catch(() => undefined);
    await core.close();
    await new Promise((resolve) => http.close(resolve));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

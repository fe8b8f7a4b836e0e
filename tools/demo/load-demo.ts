import 'reflect-metadata';
import { CORE_EVENTS } from '@sakip/contracts';
import { createServiceDataSource } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import { writeAudit, writeAuditMany } from '../../apps/core-performance/src/audit/core-audit';
import { EVALUATION_COLUMNS, type EvaluationRow } from '../../apps/core-performance/src/evaluations/evaluation-rows';
import { enqueuePublished } from '../../apps/core-performance/src/evaluations/evaluation-events';
import { coreOutbox } from '../../apps/core-performance/src/events/core-outbox';
import { CORE_SCHEMA } from '../../apps/core-performance/src/migrations';
import { DEFAULT_OPDS } from './catalog/opd-catalog';
import { iso, wibDate } from './demo-calendar';
import { generateDemo, type GenerateOptions } from './generate-demo';
import type { DemoWorld } from './generator/world';
import { insertRows } from './loader/bulk-insert';
import { DEMO_ACTOR, DEMO_AUDIT_OPERATION, inspectDemoState } from './loader/demo-state';

/**
 * Loads the demo Pemda into core's schema in ONE transaction: settings, the generated rows
 * (set-based, in chunks), an `evt.core.opd.changed.v1` per OPD through core's outbox (so auth
 * learns the OPDs once core's relay runs), the service's `evt.core.evaluation.published.v1` per
 * published evaluation, audit rows, and the `demo.load` marker. Idempotent:
 * a second run finds the marker and does nothing; a database with other data is refused.
 * Use the core role's URL or the database owner's.
 */
export interface LoadDemoOptions extends GenerateOptions {
  databaseUrl: string;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
}

export interface DemoOpdSummary {
  id: string;
  code: string;
  name: string;
}

export type LoadDemoResult =
  | { status: 'loaded'; ms: number; generateMs: number; counts: Record<string, number>; opds: DemoOpdSummary[]; seed: string; asOf: string; settingsKept: boolean }
  | { status: 'already-loaded'; loadedAt: string; details: Record<string, unknown>; opds: DemoOpdSummary[] }
  | { status: 'refused'; reason: string };

export async function loadDemo(o: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const ds = createServiceDataSource({ url: o.databaseUrl, schema: CORE_SCHEMA, entities: [], migrations: [], poolSize: 1, applicationName: 'sakip-demo-loader' });
  await ds.initialize();
  try {
    // A cheap look first, so an already loaded or foreign database costs no generation.
    const before = await inspectDemoState(ds);
    if (before.kind === 'loaded') return await alreadyLoaded(ds, before.loadedAt, before.details);
    if (before.kind === 'occupied') return { status: 'refused', reason: before.reason };

    log(`generating ${o.opds ?? DEFAULT_OPDS} OPDs…`);
    const world = generateDemo(o);
    const generateMs = Date.now() - started;

    return await ds.transaction(async (tx) => {
      // Two loaders at once: the second waits here, then sees the first one's marker.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('sakip.demo.load'))`);
      await tx.query(`SET LOCAL synchronous_commit = off`);
      const state = await inspectDemoState(tx);
      if (state.kind === 'loaded') return await alreadyLoaded(tx, state.loadedAt, state.details);
      if (state.kind === 'occupied') return { status: 'refused', reason: state.reason } as const;

      const settingsKept = !(await applySettings(tx, world));
      for (const table of world.data.all()) {
        const t = Date.now();
        await insertRows(tx, table);
        log(`${table.spec.table}: ${table.rows.length} rows (${Date.now() - t} ms)`);
      }
      await announceOpds(tx, world);
      await announcePublishedEvaluations(tx);
      const counts = world.data.counts();
      const asOf = wibDate(world.options.asOf);
      await writeAudit(tx, {
        actor: DEMO_ACTOR,
        operation: DEMO_AUDIT_OPERATION,
        table: 'settings',
        rowId: '1',
        newValues: { seed: world.options.seed, opds: world.opds.length, asOf, counts },
      });
      return {
        status: 'loaded',
        ms: Date.now() - started,
        generateMs,
        counts,
        opds: world.opds.map((d) => ({ id: d.id, code: d.code, name: d.profile.name })),
        seed: world.options.seed,
        asOf,
        settingsKept,
      } as const;
    });
  } finally {
    await ds.destroy();
  }
}

/**
 * The demo's settings (Pemda name, Bupati, cap 150, WIB) replace the migration's defaults only
 * while nobody has edited them (version 1); an edited settings row is left alone.
 */
async function applySettings(tx: EntityManager, world: DemoWorld): Promise<boolean> {
  const [old] = await tx.query(`SELECT pemda_name, level, head_name, head_title, capaian_cap, timezone, version FROM core.settings WHERE id = 1 FOR UPDATE`);
  if (!old || old.version !== 1) return false;
  const s = world.settings;
  await tx.query(
    `UPDATE core.settings SET pemda_name = $1, level = $2, head_name = $3, head_title = $4, capaian_cap = $5, timezone = $6, updated_at = $7, version = version + 1 WHERE id = 1`,
    [s.pemdaName, s.level, s.headName, s.headTitle, s.capaianCap, s.timezone, iso(s.updatedAt)],
  );
  const { version: _version, ...oldValues } = old;
  await writeAudit(tx, {
    actor: DEMO_ACTOR,
    operation: 'update',
    table: 'settings',
    rowId: '1',
    oldValues,
    newValues: { pemda_name: s.pemdaName, level: s.level, head_name: s.headName, head_title: s.headTitle, capaian_cap: s.capaianCap, timezone: s.timezone },
  });
  return true;
}

/**
 * Per OPD: its audit row and `evt.core.opd.changed.v1` (auth refuses unknown OPDs once it follows
 * core), set-based: two statements each, whatever the number of OPDs.
 */
async function announceOpds(tx: EntityManager, world: DemoWorld): Promise<void> {
  await writeAuditMany(
    tx,
    world.opds.map((opd) => ({
      actor: DEMO_ACTOR,
      operation: 'insert',
      table: 'opds',
      rowId: opd.id,
      newValues: { code: opd.code, name: opd.profile.name, short_name: opd.profile.short, head_name: opd.head.name, head_position: opd.profile.position, head_rank: opd.head.rank, head_nip: opd.head.nip },
    })),
  );
  await coreOutbox.enqueueMany(
    tx,
    world.opds.map((opd) => ({
      subject: CORE_EVENTS.opdChanged,
      data: {
        opdId: opd.id,
        change: 'created' as const,
        code: opd.code,
        name: opd.profile.name,
        isActive: true,
        head: { name: opd.head.name, position: opd.profile.position, rank: opd.head.rank, nip: opd.head.nip },
        version: 1,
      },
    })),
  );
}

/**
 * What publishing does besides the row: `evt.core.evaluation.published.v1`, built by the service's
 * own `enqueuePublished` from the rows just inserted (as publish reads them back), so its payload
 * is the one subscribers know. A couple of evaluations: one statement each.
 */
async function announcePublishedEvaluations(tx: EntityManager): Promise<void> {
  const published: EvaluationRow[] = await tx.query(`SELECT ${EVALUATION_COLUMNS} FROM core.evaluations WHERE status = 'published' ORDER BY published_at, id`);
  for (const row of published) await enqueuePublished(tx, row);
}

async function alreadyLoaded(db: Pick<EntityManager, 'query'>, loadedAt: Date, details: Record<string, unknown>): Promise<LoadDemoResult> {
  const opds: DemoOpdSummary[] = await db.query(`SELECT id, code, name FROM core.opds ORDER BY code`);
  return { status: 'already-loaded', loadedAt: new Date(loadedAt).toISOString(), details, opds };
}

/** What `npm start` and the CLI print. */
export function describeDemoResult(r: LoadDemoResult, maxOpds = 25): string[] {
  if (r.status === 'refused') return [`demo data: not loaded — ${r.reason}`];
  const lines =
    r.status === 'loaded'
      ? [
          `demo data: Kabupaten Sukamaju loaded in ${(r.ms / 1000).toFixed(1)} s (generated in ${(r.generateMs / 1000).toFixed(1)} s; seed ${r.seed}, as of ${r.asOf}): ` +
            `${r.counts['core.opds']} OPDs, ${r.counts['core.plan_nodes']} planning nodes, ${r.counts['core.indicators']} indicators, ` +
            `${r.counts['core.indicator_target_periods']} target periods, ${r.counts['core.achievements']} achievements, ${r.counts['core.achievement_history']} history rows, ` +
            `${r.counts['core.budget_allocations'] ?? 0} budget allocations, ${r.counts['core.budget_realizations'] ?? 0} monthly realizations, ${r.counts['core.evaluations'] ?? 0} LKE evaluations`,
          ...(r.settingsKept ? ['demo data: the settings had been edited before, so they were kept as they are'] : []),
        ]
      : [`demo data: already loaded on ${r.loadedAt} (${describeDetails(r.details)}); nothing to do`];
  lines.push(`demo OPDs (use an id as opdId when creating admin_opd or viewer users):`);
  for (const d of r.opds.slice(0, maxOpds)) lines.push(`  ${d.id}  ${d.code.padEnd(24)} ${d.name}`);
  if (r.opds.length > maxOpds) lines.push(`  … and ${r.opds.length - maxOpds} more (GET /api/v1/opds)`);
  return lines;
}

function describeDetails(d: Record<string, unknown>): string {
  return [d['seed'] !== undefined ? `seed ${String(d['seed'])}` : null, d['opds'] !== undefined ? `${String(d['opds'])} OPDs` : null, d['asOf'] ? `as of ${String(d['asOf'])}` : null]
    .filter(Boolean)
    .join(', ');
}

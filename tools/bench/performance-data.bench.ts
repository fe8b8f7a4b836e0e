/**
 * Performance data for the whole demo Pemda (issue #6): GET /api/v1/performance/data?year=2026&limit=100
 * through gateway → NATS → core-performance, cold (the read cache's generation bumped before each
 * request) and warm (served from the cache), against the same SQL run directly on PostgreSQL from
 * this process (PerformanceRepository.read, the statements it sends replayed on a bare pg client,
 * PostgreSQL's own execution time), interleaved in one run on one private stack.
 * Run: npm run bench:performance [-- --opds 200]   (or BENCH_OPDS=200; default 20 OPDs)
 * Bounds: BENCH_COLD_N (40), BENCH_WARM_N (300), BENCH_DURATION_SEC (5, autocannon),
 * BENCH_CONNECTIONS (8), BENCH_PHASE_SEC (60 per measured loop), BENCH_MAX_SEC (600 for the run).
 * Load goes to 127.0.0.1 only.
 */
import 'reflect-metadata';
import { Role, type CallerIdentity, type PerformanceDataQuery } from '@sakip/contracts';
import { createServiceDataSource } from '@sakip/persistence';
import { httpJson } from '@sakip/testing';
import Redis from 'ioredis';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { authenticator } from 'otplib';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { OpdAccess } from '../../apps/core-performance/src/access/opd-access';
import type { ReadCache } from '../../apps/core-performance/src/cache/read-cache';
import { CORE_SCHEMA } from '../../apps/core-performance/src/migrations';
import { PerformanceRepository } from '../../apps/core-performance/src/performance/performance.repository';
import { PerformanceData } from '../../apps/core-performance/src/performance/use-cases/performance-data.use-case';
import { SettingsRepository } from '../../apps/core-performance/src/settings/settings.repository';
import { DEFAULT_OPDS, maxOpds } from '../demo/catalog/opd-catalog';
import { describeDemoResult, loadDemo } from '../demo/load-demo';
import { fmt, startBenchStack, type BenchStack } from './lib/bench-stack';
import { load } from './lib/load';
import { GENERATION_KEY } from '../../apps/core-performance/src/cache/read-cache';

const YEAR = 2026;
const LIMIT = 100;
const PATH = `/api/v1/performance/data?year=${YEAR}&limit=${LIMIT}`;
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

const env = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return v;
};
const COLD_N = env('BENCH_COLD_N', 40);
const WARM_N = env('BENCH_WARM_N', 300);
const DURATION = env('BENCH_DURATION_SEC', 5);
const CONNECTIONS = env('BENCH_CONNECTIONS', 8);
const PHASE_MS = env('BENCH_PHASE_SEC', 60) * 1000;
const MAX_MS = env('BENCH_MAX_SEC', 600) * 1000;
const WARMUP = 3;
/** Idle time between two measured steps of the cold loop. */
const GAP_MS = 20;

function opdsOption(): number {
  const { values } = parseArgs({ options: { opds: { type: 'string' } } });
  const raw = values.opds ?? process.env['BENCH_OPDS'];
  const opds = raw === undefined ? DEFAULT_OPDS : Number(raw);
  if (!Number.isInteger(opds) || opds < 1 || opds > maxOpds()) throw new Error(`--opds / BENCH_OPDS must be a whole number from 1 to ${maxOpds()}, got ${raw}`);
  return opds;
}

/** Nearest-rank percentile of unsorted samples (ms). */
function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** The statements one PerformanceRepository.read sends, with their parameters, as TypeORM ran them. */
interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A DataSource stand-in whose transactions run on `ds` and record every `query` of the
 * transaction's manager (the repository and SettingsRepository.current(tx) use only that).
 */
function recordingDataSource(ds: DataSource, log: Statement[]): DataSource {
  const recorder = {
    transaction: (isolation: Parameters<DataSource['transaction']>[0], work: (tx: EntityManager) => Promise<unknown>) =>
      ds.transaction(isolation as 'REPEATABLE READ', (tx) =>
        work(
          new Proxy(tx, {
            get: (target, prop, receiver) =>
              prop === 'query'
                ? (sql: string, params: unknown[] = []) => {
                    log.push({ sql, params });
                    return target.query(sql, params);
                  }
                : Reflect.get(target, prop, receiver),
          }),
        ),
      ),
  };
  return recorder as unknown as DataSource;
}

/** This run's keys matching `pattern` (already prefixed); SCAN, never KEYS. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

async function unlinkMatching(redis: Redis, pattern: string): Promise<number> {
  const keys = await scanKeys(redis, pattern);
  return keys.length ? redis.unlink(...keys) : 0;
}

interface Row {
  label: string;
  n: number;
  p50: number;
  p99: number;
  rps?: number;
  note?: string;
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const opds = opdsOption();
  const resources: { bench?: BenchStack; redis?: Redis; ds?: DataSource; pg?: Client } = {};
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      const prefix = resources.bench?.stack.env['REDIS_PREFIX'];
      if (resources.redis && prefix) await unlinkMatching(resources.redis, `${prefix}*`).catch(() => undefined);
      resources.redis?.disconnect();
      await resources.pg?.end().catch(() => undefined);
      await resources.ds?.destroy().catch(() => undefined);
      await resources.bench?.stop();
    })());
  // Bounded whatever happens: an interrupted or overlong run still kills its processes and drops its database.
  const abort = (why: string, code: number) => {
    console.error(`\n[bench] ${why}: cleaning up`);
    void cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const deadline = setTimeout(() => abort(`over BENCH_MAX_SEC (${MAX_MS / 1000} s)`, 1), MAX_MS);
  deadline.unref();

  try {
    console.log(`[bench] private stack, demo Pemda with ${opds} OPDs…`);
    resources.bench = await startBenchStack(
      { BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp },
      {
        core: true,
        // The demo goes in before core starts, as `npm start -- --demo` does.
        beforeServices: async (stack) => {
          const result = await loadDemo({ opds, databaseUrl: stack.db.urlFor('sakip_core') });
          if (result.status !== 'loaded') throw new Error(describeDemoResult(result)[0]);
          console.log(`[bench] ${describeDemoResult(result)[0]}`);
        },
      },
    );
    const { stack, gatewayUrl } = resources.bench;
    const prefix = stack.env['REDIS_PREFIX'] ?? '';
    const redis = (resources.redis = new Redis(stack.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 }));
    const ds = (resources.ds = createServiceDataSource({ url: stack.db.urlFor('sakip_core'), schema: CORE_SCHEMA, entities: [], migrations: [], poolSize: 2, applicationName: 'sakip-bench' }));
    await ds.initialize();
    const pg = (resources.pg = new Client({ connectionString: stack.db.urlFor('sakip_core'), application_name: 'sakip-bench-raw' }));
    await pg.connect();

    // The bootstrap super_admin: password, then TOTP.
    const challenge = await httpJson(gatewayUrl, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const pair = await httpJson(gatewayUrl, 'POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body?.data?.mfaToken, code: authenticator.generate(ADMIN.totp) } });
    if (pair.status !== 200) throw new Error(`admin login failed: ${pair.status} ${pair.text}`);
    const token: string = pair.body.data.accessToken;
    const userId: string = pair.body.data.user.id;
    const headers = { authorization: `Bearer ${token}` };
    const superAdmin: CallerIdentity = { sub: userId, role: Role.SuperAdmin, opdId: null, actor: `user:${userId}` };

    // In-process paths on the same database: the repository alone (the baseline), and the use case
    // (repository + capaian of every row + sort) with a cache stand-in that always computes.
    const query = { year: YEAR } as PerformanceDataQuery;
    const repo = new PerformanceRepository(ds, new SettingsRepository(ds));
    const useCase = new PerformanceData(repo, { getOrCompute: (_name: string, _params: unknown, compute: () => Promise<unknown>) => compute() } as unknown as ReadCache);
    const statements: Statement[] = [];
    const recorded = await new PerformanceRepository(recordingDataSource(ds, statements), new SettingsRepository(ds)).read(query, OpdAccess.of(superAdmin));
    const [{ n: indicatorCount }] = await ds.query(`SELECT count(*)::int AS n FROM core.indicators`);

    const viaGateway = async () => {
      const res = await fetch(gatewayUrl + PATH, { headers });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${PATH}: ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const repoRead = () => repo.read(query, OpdAccess.of(superAdmin));
    const useCaseRun = () => useCase.execute(superAdmin, { year: YEAR, limit: LIMIT } as PerformanceDataQuery);
    // The same statements on a bare pg client, in the same REPEATABLE READ transaction shape.
    const rawSql = async () => {
      await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        for (const s of statements) await pg.query(s.sql, s.params);
      } finally {
        await pg.query('COMMIT');
      }
    };
    // PostgreSQL's own execution time of those statements (planning excluded; TIMING OFF keeps instrumentation cheap).
    const pgExecution = async () => {
      let ms = 0;
      for (const s of statements) {
        const { rows } = await pg.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${s.sql}`, s.params);
        ms += Number(rows[0]['QUERY PLAN'][0]['Execution Time']);
      }
      return ms;
    };

    // Cold: bump the generation before each request. The in-process paths run in the same loop,
    // their order rotated each round with a short idle gap between steps, so every path sees the
    // same box state (e.g. core storing the previous answer in Redis). Stale entries are deleted
    // untimed (each is the whole Pemda).
    type Path = 'cold' | 'repo' | 'useCase' | 'raw' | 'exec';
    const samples: Record<Path, number[]> = { cold: [], repo: [], useCase: [], raw: [], exec: [] };
    let firstBody = '';
    const steps: Record<Path, () => Promise<number>> = {
      cold: async () => {
        // Entries only (core:cache:<generation>:<name>:<hash>); the generation key keeps counting.
        await unlinkMatching(redis, `${prefix}core:cache:*:*`);
        await redis.incr(`${prefix}${GENERATION_KEY}`);
        const { ms, value } = await timed(viaGateway);
        firstBody ||= value;
        return ms;
      },
      repo: async () => (await timed(repoRead)).ms,
      useCase: async () => (await timed(useCaseRun)).ms,
      raw: async () => (await timed(rawSql)).ms,
      exec: pgExecution,
    };
    const order = Object.keys(steps) as Path[];
    const coldStart = Date.now();
    for (let i = 0; i < WARMUP + COLD_N && Date.now() - coldStart < PHASE_MS; i++) {
      for (let k = 0; k < order.length; k++) {
        const path = order[(i + k) % order.length];
        const ms = await steps[path]();
        if (i >= WARMUP) samples[path].push(ms);
        await new Promise((r) => setTimeout(r, GAP_MS));
      }
    }
    if (!samples.cold.length) throw new Error(`no cold sample within BENCH_PHASE_SEC`);
    await unlinkMatching(redis, `${prefix}core:cache:*:*`);

    // Warm: one request fills the cache, then the same request sequentially and with autocannon.
    const genBefore = await redis.get(`${prefix}${GENERATION_KEY}`);
    await viaGateway();
    const warm: number[] = [];
    const warmStart = Date.now();
    while (warm.length < WARM_N && Date.now() - warmStart < PHASE_MS) warm.push((await timed(viaGateway)).ms);
    const concurrent = await load(`warm, ${CONNECTIONS} connections`, { url: gatewayUrl + PATH, headers, connections: CONNECTIONS, durationSec: DURATION });
    const genAfter = await redis.get(`${prefix}${GENERATION_KEY}`);
    const [cachedKey] = await scanKeys(redis, `${prefix}core:cache:${genAfter ?? '0'}:performance.page:*`);
    const cachedBytes = cachedKey ? await redis.strlen(cachedKey) : NaN;

    const page = JSON.parse(firstBody) as { data: unknown[]; meta: { total: number; scored: number } };
    const base = { p50: pct(samples.repo, 0.5), p99: pct(samples.repo, 0.99) };
    const rows: Row[] = [
      { label: 'cold: gateway → NATS → core (cache generation bumped before each)', n: samples.cold.length, p50: pct(samples.cold, 0.5), p99: pct(samples.cold, 0.99) },
      { label: 'warm: same request, sequential', n: warm.length, p50: pct(warm, 0.5), p99: pct(warm, 0.99) },
      {
        label: `warm: autocannon, ${CONNECTIONS} connections, ${DURATION} s`,
        n: concurrent.total,
        p50: concurrent.p50,
        p99: concurrent.p99,
        rps: concurrent.rps,
        note: concurrent.errors || concurrent.non2xx ? `${concurrent.errors} errors, ${concurrent.non2xx} non-2xx` : undefined,
      },
      { label: 'in process: use case without cache (SQL + capaian of every row + sort)', n: samples.useCase.length, p50: pct(samples.useCase, 0.5), p99: pct(samples.useCase, 0.99) },
      { label: '**baseline** SQL only: PerformanceRepository.read (TypeORM, 4 statements, REPEATABLE READ)', n: samples.repo.length, ...base },
      { label: `raw SQL: the same ${statements.length} statements on a bare pg client`, n: samples.raw.length, p50: pct(samples.raw, 0.5), p99: pct(samples.raw, 0.99) },
      { label: 'PostgreSQL execution time of those statements (EXPLAIN ANALYZE, summed)', n: samples.exec.length, p50: pct(samples.exec, 0.5), p99: pct(samples.exec, 0.99) },
    ];

    console.log(`\nGET ${PATH} as super_admin, demo Pemda ${opds} OPDs (${indicatorCount} indicators)`);
    console.log(
      `rows returned ${page.data.length} of total ${page.meta.total} (scored ${page.meta.scored}); repository read ${recorded.indicators.length} indicators, ` +
        `${[...recorded.targets.values()].reduce((n, t) => n + Object.keys(t).length, 0)} targets, ${[...recorded.achievements.values()].reduce((n, a) => n + a.size, 0)} achievements; ` +
        `response ${fmt(Buffer.byteLength(firstBody) / 1024, 1)} KiB, cached entry ${fmt(cachedBytes / 1024, 1)} KiB`,
    );
    console.log('| path | n | p50 ms | p99 ms | p50 / SQL | p99 / SQL | req/s |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const rps = r.rps === undefined ? '' : fmt(r.rps, 0);
      console.log(`| ${r.label}${r.note ? ` (${r.note})` : ''} | ${r.n} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.p50 / base.p50, 2)}× | ${fmt(r.p99 / base.p99, 2)}× | ${rps} |`);
    }
    const [cold, warmSeq] = rows;
    console.log(
      `\nratios: cold/SQL p50 ${fmt(cold.p50 / base.p50, 2)}×, p99 ${fmt(cold.p99 / base.p99, 2)}×; ` +
        `warm/SQL p50 ${fmt(warmSeq.p50 / base.p50, 2)}×, p99 ${fmt(warmSeq.p99 / base.p99, 2)}×; ` +
        `warm (${CONNECTIONS} conn) ${fmt(concurrent.rps, 0)} req/s against ${fmt(1000 / base.p50, 0)}/s for one sequential SQL-only read`,
    );
    if (samples.cold.length < COLD_N) console.log(`note: the cold loop stopped at BENCH_PHASE_SEC (${PHASE_MS / 1000} s) after ${samples.cold.length} of ${COLD_N} rounds`);
    if (warm.length < WARM_N) console.log(`note: the warm loop stopped at BENCH_PHASE_SEC (${PHASE_MS / 1000} s) after ${warm.length} of ${WARM_N} requests`);
    if (genBefore !== genAfter) console.log(`note: the cache generation moved during the warm phase (${genBefore} → ${genAfter}): some warm requests were cold`);
    if (page.meta.total !== indicatorCount) console.log(`note: total ${page.meta.total} ≠ ${indicatorCount} indicators (some strategic plans do not cover ${YEAR})`);
    console.log(
      `Box: 2 cores shared by PostgreSQL, NATS, Redis, three Node services (auth, core, gateway) and this process (load generator and the in-process baselines); ` +
        `with n = ${samples.cold.length} the p99 is the slowest sample. Cold and in-process samples are interleaved (order rotated each round, ${GAP_MS} ms apart); ` +
        `load average ${fmt(loadBefore, 1)} at start, ${fmt(loadavg()[0], 1)} at the end (anything above ~2 is other work on the box); total run ${fmt((Date.now() - started) / 1000, 0)} s.`,
    );
  } finally {
    await cleanup();
    clearTimeout(deadline);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

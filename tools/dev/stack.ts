import { applyRolesAndSchemas, createServiceDataSource, databaseUrlWith, ensureDatabase, runMigrations } from '@sakip/persistence';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describeDemoResult, loadDemo } from '../demo/load-demo';
import { demoSimulatorData } from '../simulators/demo-data';
import { IntegrationSimulator, SIMULATOR_CREDENTIALS } from '../simulators/integration-simulator';
import { preflight } from './preflight';
import { DEV_SERVICES, ROOT } from './services';

/**
 * The dev stack behind `npm start`: preflight, roles/schemas, migrations, then every service as
 * its own process (TypeScript run directly through @swc-node/register), and the URLs.
 */
const env = process.env;
const pgAdmin = env['PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = env['SAKIP_DB_NAME'] ?? 'sakip';
const natsUrl = env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const redisUrl = env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const port = Number(env['PORT'] ?? 3000);
const adminEmail = env['BOOTSTRAP_ADMIN_EMAIL'] ?? 'admin@sakip.local';
const adminPassword = env['BOOTSTRAP_ADMIN_PASSWORD'] ?? 'Admin-SAKIP-2026!';
const demo = env['SAKIP_DEMO'] === '1' || process.argv.includes('--demo');

const children: ChildProcess[] = [];

async function main() {
  console.log('[sakip] checking PostgreSQL, NATS and Redis…');
  await preflight({ pgAdmin, nats: natsUrl, redis: redisUrl });

  console.log(`[sakip] database ${dbName}: roles, schemas, migrations…`);
  await ensureDatabase(pgAdmin, dbName);
  const dbAdmin = databaseUrlWith(pgAdmin, { database: dbName });
  await applyRolesAndSchemas(dbAdmin, join(ROOT, 'infra', 'postgres'));
  const serviceEnv: NodeJS.ProcessEnv = {};
  for (const svc of DEV_SERVICES) {
    if (!svc.schema) continue;
    const url = env[`${svc.envPrefix}_DATABASE_URL`] ?? databaseUrlWith(dbAdmin, { user: svc.schema.role, password: null });
    serviceEnv[`${svc.envPrefix}_DATABASE_URL`] = url;
    const applied = await runMigrations(createServiceDataSource({ url, schema: svc.schema.schema, entities: [], migrations: svc.schema.migrations, poolSize: 2 }));
    if (applied.length) console.log(`[sakip]   ${svc.name}: applied ${applied.join(', ')}`);
  }
  if (demo) {
    // After migrations, before the services: core's relay then publishes the OPD events at its start.
    console.log('[sakip] demo data: loading Kabupaten Sukamaju…');
    const result = await loadDemo({ databaseUrl: serviceEnv['CORE_DATABASE_URL'] ?? dbAdmin });
    for (const line of describeDemoResult(result)) console.log(`[sakip] ${line}`);
  }

  // The national APIs are not reachable in development: a SIPD/SIMPEG simulator matching the demo Pemda stands in.
  const simPort = Number(env['SIMULATOR_PORT'] ?? 4010);
  const simulator = new IntegrationSimulator(demoSimulatorData());
  const simUrl = await simulator.start(simPort).catch((err: Error) => {
    console.warn(`[sakip] SIPD/SIMPEG simulator not started on port ${simPort}: ${err.message}`);
    return null;
  });
  if (simUrl) serviceEnv['INTEGRATION_ALLOWED_HOSTS'] = env['INTEGRATION_ALLOWED_HOSTS'] ?? `127.0.0.1:${simPort}`;

  for (const svc of DEV_SERVICES) {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, svc.main)], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...env,
        ...serviceEnv,
        NATS_URL: natsUrl,
        REDIS_URL: redisUrl,
        PORT: String(port),
        BOOTSTRAP_ADMIN_EMAIL: adminEmail,
        BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: env['LOG_LEVEL'] ?? 'info',
        SHUTDOWN_DRAIN_MS: env['SHUTDOWN_DRAIN_MS'] ?? '0',
      },
    });
    child.on('exit', (code, signal) => {
      if (!shuttingDown) {
        console.error(`[sakip] ${svc.name} exited (${signal ?? code}); stopping the stack`);
        void stop(1);
      }
    });
    children.push(child);
  }
  await Promise.all(DEV_SERVICES.map((svc) => waitReady(svc.name === 'gateway' ? port : svc.port, svc.name)));

  const base = `http://localhost:${port}`;
  console.log(`
[sakip] ready
  API          ${base}/api/v1
  API docs     ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)
  Key set      ${base}/.well-known/jwks.json
  Health       ${base}/health/ready · metrics ${base}/metrics
  Services     ${DEV_SERVICES.filter((s) => s.name !== 'gateway').map((s) => `${s.name} http://localhost:${s.port}/health/ready`).join(' · ')}
  Simulator    ${simUrl ? `SIPD ${simUrl}/sipd {"apiKey":"${SIMULATOR_CREDENTIALS.apiKey}"} · SIMPEG ${simUrl}/simpeg {"username":"${SIMULATOR_CREDENTIALS.username}","password":"${SIMULATOR_CREDENTIALS.password}"}` : 'not running'}
  Sign in      POST ${base}/api/v1/auth/login  {"email":"${adminEmail}","password":"${env['BOOTSTRAP_ADMIN_PASSWORD'] ? '<BOOTSTRAP_ADMIN_PASSWORD>' : adminPassword}"}
  Stop         Ctrl+C
`);
}

async function waitReady(p: number, name: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/health/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become ready on port ${p} within ${timeoutMs / 1000}s`);
}

let shuttingDown = false;
async function stop(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch((err) => {
  console.error(`[sakip] ${err instanceof Error ? err.message : err}`);
  void stop(1);
});

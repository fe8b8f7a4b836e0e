import { createTestStack, freePort, type TestStack } from '@sakip/testing';

export { freePort };
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import buildTemplate from '../../testing/build-template';

export const ROOT = join(__dirname, '..', '..', '..');


/** Runs a TypeScript entrypoint as its own process (as `npm start` does) and waits for its readiness. */
export async function spawnTs(entry: string, env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  const profile = process.env['BENCH_CPU_PROF_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF_DIR']}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    if (await fetch(readyUrl).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} not ready at ${readyUrl}`);
}

export interface BenchStack {
  stack: TestStack;
  gatewayUrl: string;
  /** core-performance's probe port (health, metrics) when started with `core: true`. */
  coreUrl?: string;
  /** The file service's storage directory when started with `file: true`. */
  fileDir?: string;
  /** The gateway process (e.g. to sample its RSS). */
  gateway?: ChildProcess;
  children: ChildProcess[];
  stop(): Promise<void>;
}

export interface BenchServices {
  /** Also spawn core-performance (`apps/core-performance/src/main.ts`), before the gateway. */
  core?: boolean;
  /** Also spawn the file service, storing on local disk in a temp directory removed at stop. */
  file?: boolean;
  /** Also spawn integration-sync with this extra environment. */
  integration?: NodeJS.ProcessEnv;
  /** Runs on the fresh database before any service starts (e.g. the demo loader). */
  beforeServices?: (stack: TestStack) => Promise<void>;
}

/** auth + gateway as separate processes on a private database and prefixes, limits raised for load. */
export function startAuthAndGateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchStack> {
  return startBenchStack(extraEnv);
}

/**
 * auth (+ core-performance) + gateway as separate processes on a private database and prefixes,
 * limits raised for load. A failed start leaves nothing running and drops the database.
 */
export async function startBenchStack(extraEnv: NodeJS.ProcessEnv = {}, services: BenchServices = {}): Promise<BenchStack> {
  await buildTemplate();
  const stack = await createTestStack({
    LOG_LEVEL: 'warn',
    RATE_LIMIT_GENERAL_PER_MIN: '10000000',
    RATE_LIMIT_AUTH_PER_MIN: '10000000',
    AUTH_LOCKOUT_IP_MAX: '10000',
    // The bench measures production hashing cost, not the test suite's cheap one.
    AUTH_ARGON2_MEMORY_KIB: '19456',
    AUTH_ARGON2_TIME_COST: '2',
    ...extraEnv,
  });
  const children: ChildProcess[] = [];
  let coreUrl: string | undefined;
  let fileDir: string | undefined;
  let gwPort: number;
  try {
    await services.beforeServices?.(stack);
    const authPort = await freePort();
    children.push(await spawnTs('apps/auth/src/main.ts', { ...stack.env, HTTP_PORT: String(authPort) }, `http://127.0.0.1:${authPort}/health/ready`));
    if (services.core) {
      const corePort = await freePort();
      coreUrl = `http://127.0.0.1:${corePort}`;
      children.push(await spawnTs('apps/core-performance/src/main.ts', { ...stack.env, HTTP_PORT: String(corePort) }, `${coreUrl}/health/ready`));
    }
    if (services.file) {
      fileDir = await mkdtemp(join(tmpdir(), 'sakip-bench-file-'));
      const filePort = await freePort();
      const fileUrl = `http://127.0.0.1:${filePort}`;
      children.push(await spawnTs('apps/file/src/main.ts', { ...stack.env, HTTP_PORT: String(filePort), FILE_LOCAL_DIR: fileDir, FILE_INTERNAL_URL: fileUrl }, `${fileUrl}/health/ready`));
    }
    if (services.integration) {
      const port = await freePort();
      children.push(await spawnTs('apps/integration-sync/src/main.ts', { ...stack.env, ...services.integration, HTTP_PORT: String(port) }, `http://127.0.0.1:${port}/health/ready`));
    }
    gwPort = await freePort();
    children.push(await spawnTs('apps/gateway/src/main.ts', { ...stack.env, PORT: String(gwPort), HOST: '127.0.0.1' }, `http://127.0.0.1:${gwPort}/health/ready`));
  } catch (err) {
    // Leave nothing running behind a failed start.
    for (const c of children) c.kill('SIGKILL');
    await stack.teardown();
    if (fileDir) await rm(fileDir, { recursive: true, force: true });
    throw err;
  }
  return {
    stack,
    gatewayUrl: `http://127.0.0.1:${gwPort}`,
    coreUrl,
    fileDir,
    gateway: children.at(-1),
    children,
    async stop() {
      for (const c of children) c.kill('SIGTERM');
      // A service that does not finish its graceful shutdown in 15 s is killed: the run stays bounded.
      const hard = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 15_000);
      await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)));
      clearTimeout(hard);
      await stack.teardown();
      if (fileDir) await rm(fileDir, { recursive: true, force: true });
    },
  };
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '@sakip/testing';
import { E2eStack } from './stack';

const ROOT = join(__dirname, '..', '..');


/** A gateway as a real process, so SIGTERM is the real signal handler. */
async function spawnGateway(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/gateway/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_DRAIN_MS: '1500', SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited early with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('gateway did not become ready');
}

/**
 * ARCHITECTURE.md "Operability": SIGTERM one of two gateway replicas under load → zero failed
 * requests. The test plays the load balancer: it sends only to replicas whose /health/ready is 200,
 * polled every 100 ms (a k8s readiness probe, sped up), while the drain period is 1.5 s.
 */
describe('graceful shutdown (e2e)', () => {
  let s: E2eStack;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    s = await E2eStack.start();
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await s?.stop();
  });

  it('loses no request when one of two gateways is stopped with SIGTERM during a request loop', async () => {
    const ports = [await freePort(), await freePort()];
    children.push(...(await Promise.all(ports.map((p) => spawnGateway(s.env, p)))));
    const admin = await s.loginAdmin();

    const ready = new Set(ports);
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await Promise.all(
          ports.map(async (p) => {
            const ok = await fetch(`http://127.0.0.1:${p}/health/ready`).then((r) => r.ok, () => false);
            if (ok) ready.add(p);
            else ready.delete(p);
          }),
        );
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const served = new Map<number, number>(ports.map((p) => [p, 0]));
    const failures: string[] = [];
    let running = true;
    let turn = 0;
    const worker = async () => {
      while (running) {
        const candidates = [...ready];
        if (!candidates.length) {
          failures.push('no ready gateway');
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const port = candidates[turn++ % candidates.length];
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
          await res.text();
          if (res.status !== 200) failures.push(`${port}: ${res.status}`);
          else served.set(port, (served.get(port) ?? 0) + 1);
        } catch (err) {
          failures.push(`${port}: ${(err as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);

    await new Promise((r) => setTimeout(r, 1000));
    const servedBefore = served.get(ports[0]) ?? 0;
    children[0].kill('SIGTERM');
    const [code] = (await once(children[0], 'exit')) as [number | null];
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    polling = false;
    await Promise.all([...workers, poller]);

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(servedBefore).toBeGreaterThan(0);
    expect(served.get(ports[1])).toBeGreaterThan(0);
  }, 60_000);
});

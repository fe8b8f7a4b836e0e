import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Proves the Nx module-boundary rule bites: probe files that break the dependency direction are
 * written into real projects, linted with the repository's own config, and removed.
 */
describe('module boundaries (lint)', () => {
  const probes: string[] = [];

  beforeAll(() => {
    // Without a cached project graph the rule skips itself; make sure there is one.
    spawnSync(process.execPath, [join(ROOT, 'tools', 'lint', 'project-graph.js')], { cwd: ROOT, stdio: 'ignore' });
  }, 60_000);
  afterAll(() => {
    for (const p of probes) rmSync(p, { force: true });
  });

  async function lintProbe(relDir: string, code: string): Promise<string[]> {
    const file = join(ROOT, relDir, `boundary-probe-${randomBytes(4).toString('hex')}.ts`);
    probes.push(file);
    writeFileSync(file, code);
    // ESLint runs as its own process: its flat config is ESM, which Jest's module sandbox cannot load.
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    expect(run.stderr).not.toMatch(/rule will be skipped/);
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it('fails an app importing another app', async () => {
    const errors = await lintProbe('apps/gateway/src', `import { AuthAppModule } from '../../auth/src/app.module';\nexport const probe = AuthAppModule;\n`);
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails a lib importing an app', async () => {
    const errors = await lintProbe('libs/config/src', `import { createGatewayApp } from '../../../apps/gateway/src/gateway-app';\nexport const probe = createGatewayApp;\n`);
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('accepts an app importing a shared lib', async () => {
    const errors = await lintProbe('apps/gateway/src', `import { uuidv7 } from '@sakip/persistence';\nexport const probe = uuidv7;\n`);
    expect(errors).toEqual([]);
  }, 60_000);
});

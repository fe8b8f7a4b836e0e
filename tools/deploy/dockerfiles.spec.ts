import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployableApps, ROOT } from './catalog';

/**
 * No Docker engine runs here (images are built only in the delivery pipeline), so the Dockerfiles
 * are checked statically: structure, non-root runtime, the `migrate`-capable entrypoint, health.
 */
interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Joins `\` continuations, drops comments and blank lines, splits into FROM-delimited stages. */
function parseDockerfile(text: string): { preamble: Instruction[]; stages: Stage[] } {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!current && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  if (current) logical.push(current);
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^(\S+)\s*(.*)$/.exec(l);
    if (!m) continue;
    const ins = { keyword: m[1].toUpperCase(), args: m[2].trim() };
    if (ins.keyword === 'FROM') {
      const f = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      stages.push({ from: f?.[1] ?? ins.args, name: f?.[2], instructions: [] });
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(ins);
    } else {
      preamble.push(ins);
    }
  }
  return { preamble, stages };
}

const all = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword);
const last = (s: Stage, keyword: string) => all(s, keyword).at(-1);

describe('Dockerfiles (static checks)', () => {
  const apps = deployableApps();

  it('finds the apps to check', () => {
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining(['auth', 'gateway']));
  });

  it('every app with a main.ts has apps/<app>/Dockerfile', () => {
    const missing = apps.filter((a) => !existsSync(join(ROOT, 'apps', a.name, 'Dockerfile'))).map((a) => a.name);
    expect(missing).toEqual([]);
  });

  it('the repository root has a .dockerignore that keeps modules, build output, git and env files out', () => {
    const lines = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist', '**/.env']));
    // What the build stage needs must stay in the context.
    for (const needed of ['apps', 'libs', 'package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json']) {
      expect(lines).not.toContain(needed);
    }
  });

  describe.each(deployableApps().map((a) => [a.name, a] as const))('%s', (name, app) => {
    const path = join(ROOT, 'apps', name, 'Dockerfile');
    const { preamble, stages } = existsSync(path) ? parseDockerfile(readFileSync(path, 'utf8')) : { preamble: [], stages: [] };
    const final = stages.at(-1)!;
    const argDefaults = new Map(
      preamble.filter((i) => i.keyword === 'ARG').map((i) => {
        const [k, v = ''] = i.args.split('=', 2);
        return [k, v] as const;
      }),
    );
    const image = (from: string) => from.replace(/\$\{?(\w+)\}?/g, (_, k: string) => argDefaults.get(k) ?? '');

    it('is multi-stage: builds the workspace with npm install + nx build of this app', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      const build = stages[0];
      const runs = all(build, 'RUN').map((i) => i.args);
      expect(runs.some((r) => /\bnpm (ci|install)\b/.test(r) && !/--omit=dev/.test(r))).toBe(true);
      expect(runs.some((r) => new RegExp(`\\bnx build ${name}\\b`).test(r))).toBe(true);
    });

    it('runs on Node 20 slim or alpine and installs only production deps from the generated lockfile', () => {
      expect(image(final.from)).toMatch(/^node:20(\.\d+)*-(bookworm-slim|slim|alpine[\d.]*)$/);
      const prodInstall = stages.flatMap((s) => all(s, 'RUN')).find((i) => /\bnpm (ci|install)\b.*--omit=dev/.test(i.args));
      expect(prodInstall).toBeDefined();
      const copies = stages.flatMap((s) => all(s, 'COPY')).map((i) => i.args);
      expect(copies.some((c) => c.includes(`dist/apps/${name}/package.json`) && c.includes(`dist/apps/${name}/package-lock.json`))).toBe(true);
      expect(all(final, 'COPY').some((c) => c.args.includes(`dist/apps/${name}/`))).toBe(true);
      // The final stage never runs the full install or the build.
      expect(all(final, 'RUN').some((r) => /\bnx\b|\bnpm (ci|install)\b(?!.*--omit=dev)/.test(r.args))).toBe(false);
    });

    it('runs as a non-root user in the final stage', () => {
      const user = last(final, 'USER')?.args;
      expect(user).toBeDefined();
      const [u] = user!.split(':');
      expect(['root', '0']).not.toContain(u);
    });

    it('has ENTRYPOINT ["node", "main.js"], so `docker run <image> migrate` runs migrations', () => {
      expect(JSON.parse(last(final, 'ENTRYPOINT')!.args)).toEqual(['node', 'main.js']);
      expect(all(final, 'CMD')).toEqual([]);
    });

    it(`exposes its port (${app.port}) and sets NODE_ENV=production`, () => {
      expect(all(final, 'EXPOSE').flatMap((i) => i.args.split(/\s+/))).toEqual([String(app.port)]);
      const env = all(final, 'ENV').map((i) => i.args).join(' ');
      expect(env).toMatch(/\bNODE_ENV=production\b/);
      expect(env).toMatch(new RegExp(`\\b${app.portVar}=${app.port}\\b`));
    });

    it('has a HEALTHCHECK on /health/live at its port', () => {
      const hc = last(final, 'HEALTHCHECK')?.args ?? '';
      expect(hc).toMatch(/\bCMD\b/);
      expect(hc).toContain('/health/live');
      expect(hc).toContain(String(app.port));
    });
  });
});

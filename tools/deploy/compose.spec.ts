import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deployableApps, natsConfUsers, ROOT } from './catalog';

/**
 * docker-compose.yml, checked structurally (no Docker engine or compose plugin here): the infra
 * every app needs, one-shot migrations, health-gated start order, and no internal port published.
 */
type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  restart?: string;
};

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const services = compose.services;
const apps = deployableApps();

function dependsOn(s: Service): Record<string, string | undefined> {
  const d = s.depends_on ?? {};
  return Array.isArray(d) ? Object.fromEntries(d.map((n) => [n, undefined])) : Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v?.condition]));
}

/** `1.2.3-alpine` → [1, 2, 3]; undefined for a tag that is not a version (`latest`). */
function versionOf(image: string): number[] | undefined {
  const tag = image.split(':')[1] ?? '';
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-.*)?$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

const mountSource = (v: string) => v.split(':')[0];
const mountTarget = (v: string) => v.split(':')[1];

describe('docker-compose.yml', () => {
  it('has the infrastructure services and, per app, the app (plus its one-shot migration when it owns a schema)', () => {
    const expected = ['postgres', 'redis', 'nats', 'minio', 'minio-init'];
    for (const app of apps) expected.push(app.name, ...(app.hasMigrate ? [`${app.name}-migrate`] : []));
    expect(Object.keys(services)).toEqual(expect.arrayContaining(expected));
  });

  it('runs PostgreSQL 15 with infra/postgres mounted as init scripts, and Redis 7', () => {
    expect(services.postgres.image).toMatch(/^postgres:15(\b|$)/);
    const init = services.postgres.volumes?.find((v) => mountTarget(v)?.startsWith('/docker-entrypoint-initdb.d'));
    expect(init && mountSource(init)).toMatch(/^\.\/infra\/postgres\/?/);
    expect(existsSync(join(ROOT, 'infra', 'postgres', '001-roles-and-schemas.sql'))).toBe(true);
    expect(services.redis.image).toMatch(/^redis:7(\b|$)/);
  });

  it('pins NATS >= 2.10 and runs it with infra/nats.compose.conf, which includes infra/nats.conf', () => {
    const version = versionOf(services.nats.image ?? '');
    expect(version).toBeDefined();
    expect(version![0] > 2 || (version![0] === 2 && version![1] >= 10)).toBe(true);
    expect(JSON.stringify(services.nats.command)).toContain('/etc/nats/nats.compose.conf');
    const mounts = new Map((services.nats.volumes ?? []).map((v) => [mountTarget(v), mountSource(v)]));
    expect(mounts.get('/etc/nats/nats.compose.conf')).toBe('./infra/nats.compose.conf');
    expect(mounts.get('/etc/nats/nats.conf')).toBe('./infra/nats.conf');
    const include = readFileSync(join(ROOT, 'infra', 'nats.compose.conf'), 'utf8');
    expect(include).toMatch(/^include \.\/nats\.conf$/m);
    expect(include).toMatch(/sync_interval:\s*always/);
  });

  it('gives the NATS server every password infra/nats.conf references', () => {
    const refs = [...natsConfUsers(readFileSync(join(ROOT, 'infra', 'nats.conf'), 'utf8')).values()];
    expect(refs.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(services.nats.environment ?? {})).toEqual(expect.arrayContaining(refs));
  });

  it('bootstraps the MinIO bucket with a one-shot minio/mc job after MinIO is healthy', () => {
    expect(services.minio.image).toMatch(/^minio\/minio:RELEASE\./);
    expect(services['minio-init'].image).toMatch(/^minio\/mc:RELEASE\./);
    expect(dependsOn(services['minio-init'])).toEqual({ minio: 'service_healthy' });
    expect(services['minio-init'].restart).toBe('no');
    expect(existsSync(join(ROOT, 'infra', 'minio', 'bootstrap.sh'))).toBe(true);
  });

  it('publishes infrastructure ports on 127.0.0.1 only', () => {
    for (const name of ['postgres', 'redis', 'nats', 'minio']) {
      for (const p of services[name].ports ?? []) expect({ name, p }).toEqual({ name, p: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });

  it('publishes no app port except the gateway 3000', () => {
    const appServices = apps.flatMap((a) => [a.name, `${a.name}-migrate`]).filter((n) => services[n]);
    const published = Object.fromEntries(appServices.map((n) => [n, services[n].ports ?? []]));
    expect(published).toEqual({ ...Object.fromEntries(appServices.map((n) => [n, []])), gateway: ['3000:3000'] });
  });

  describe.each(apps.map((a) => [a.name, a] as const))('%s', (name, app) => {
    const s = services[name] ?? {};
    const env = s.environment ?? {};

    it('is built from its Dockerfile at the repository root', () => {
      expect(s.build).toEqual({ context: '.', dockerfile: `apps/${name}/Dockerfile` });
      expect(s.image).toMatch(new RegExp(`/${name}:`));
    });

    it('has a healthcheck on its own /health endpoint', () => {
      expect(s.healthcheck?.disable).not.toBe(true);
      const test = JSON.stringify(s.healthcheck?.test ?? '');
      expect(test).toMatch(new RegExp(`127\\.0\\.0\\.1:${app.port}/health/(ready|live)`));
    });

    it('starts only after its infrastructure is healthy', () => {
      const deps = dependsOn(s);
      const infra = ['nats', ...(app.hasMigrate ? ['postgres'] : []), ...(app.usesRedis ? ['redis'] : [])];
      for (const i of infra) expect({ dep: i, condition: deps[i] }).toEqual({ dep: i, condition: 'service_healthy' });
    });

    it('connects as its own NATS user with the password the NATS server has for it', () => {
      const users = natsConfUsers(readFileSync(join(ROOT, 'infra', 'nats.conf'), 'utf8'));
      expect(env['NATS_USER']).toBe(app.natsUser);
      const serverVar = users.get(app.natsUser)!;
      expect(serverVar).toBeDefined();
      expect(env['NATS_PASSWORD']).toBe(services.nats.environment?.[serverVar]);
      expect(env['NATS_URL']).toBe('nats://nats:4222');
    });

    it('sets its port and only environment names its config classes read', () => {
      expect(String(env[app.portVar])).toBe(String(app.port));
      const unknown = Object.keys(env).filter((k) => !app.configNames.has(k));
      expect(unknown).toEqual([]);
    });

    if (app.hasMigrate) {
      it('logs in to PostgreSQL as its own role', () => {
        const url = new URL(String(env[app.databaseUrlVar!]));
        expect(url.username).toBe(app.databaseRole);
        expect(url.hostname).toBe('postgres');
        expect(env['DATABASE_URL']).toBeUndefined();
      });

      it('waits for its one-shot migration (same image, `migrate` command) to complete', () => {
        const m = services[`${name}-migrate`];
        expect(m.image).toBe(s.image);
        expect(m.command).toEqual(['migrate']);
        expect(m.restart).toBe('no');
        expect(m.environment?.[app.databaseUrlVar!]).toBe(env[app.databaseUrlVar!]);
        expect(dependsOn(m)).toMatchObject({ postgres: 'service_healthy' });
        expect(dependsOn(s)[`${name}-migrate`]).toBe('service_completed_successfully');
      });
    }
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .map(mountSource)
      .filter((src) => !src.startsWith('.') && !src.startsWith('/'));
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining([...new Set(named)]));
  });
});

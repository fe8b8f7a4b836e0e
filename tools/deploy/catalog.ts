import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the deployable artifacts (Dockerfiles, docker-compose.yml, k8s/, infra/nats.conf) must agree
 * on, derived from the source tree where possible so a new app under apps/ is checked without
 * editing the tests. The port and NATS-user tables are the contract of ARCHITECTURE.md
 * ("Ports and configuration names", "Talking between services").
 */
export const ROOT = join(__dirname, '..', '..');

export const APP_PORTS: Readonly<Record<string, number>> = {
  gateway: 3000,
  auth: 3101,
  'core-performance': 3102,
  'integration-sync': 3103,
  'report-generation': 3104,
  notification: 3105,
  file: 3106,
};

/** NATS user (infra/nats.conf), PostgreSQL role suffix and `<SERVICE>_` env prefix of each app. */
export const APP_SERVICE_NAMES: Readonly<Record<string, string>> = {
  gateway: 'gateway',
  auth: 'auth',
  'core-performance': 'core',
  'integration-sync': 'integration',
  'report-generation': 'report',
  notification: 'notification',
  file: 'file',
};

export interface DeployableApp {
  /** Folder under apps/ (= Nx project, image and k8s name). */
  name: string;
  port: number;
  /** `PORT` for the gateway, `HTTP_PORT` for services. */
  portVar: 'PORT' | 'HTTP_PORT';
  natsUser: string;
  /** main.ts handles `migrate` and the app has migrations: it owns a schema and needs a migration Job / one-shot. */
  hasMigrate: boolean;
  /** `<SERVICE>_DATABASE_URL` when the app owns a schema. */
  databaseUrlVar?: string;
  databaseRole?: string;
  usesRedis: boolean;
  /** Every environment name the app's config classes read. */
  configNames: Set<string>;
}

function filesUnder(dir: string, match: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), match) : match(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Property names of the config classes: `  NAME = …`, `  NAME?: …`, `  NAME: … = …`. */
function configNamesIn(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+)[?!]?\s*[=:;]/gm)) names.add(m[1]);
  }
  return names;
}

/** Every app under apps/ with a src/main.ts: each must ship a Dockerfile, a compose entry and a k8s base. */
export function deployableApps(): DeployableApp[] {
  const appsDir = join(ROOT, 'apps');
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(appsDir, e.name, 'src', 'main.ts')))
    .map((e) => {
      const name = e.name;
      const port = APP_PORTS[name];
      const service = APP_SERVICE_NAMES[name];
      if (port === undefined || service === undefined) {
        throw new Error(`apps/${name} is not in the port/NATS-user table of ARCHITECTURE.md (tools/deploy/catalog.ts)`);
      }
      const src = join(appsDir, name, 'src');
      const main = readFileSync(join(src, 'main.ts'), 'utf8');
      // A schema of its own = migrations to run; the gateway accepts `migrate` too but has nothing to apply.
      const hasMigrate = /['"]migrate['"]/.test(main) && existsSync(join(src, 'migrations', 'index.ts'));
      const sources = filesUnder(src, (f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f));
      return {
        name,
        port,
        portVar: name === 'gateway' ? 'PORT' : 'HTTP_PORT',
        natsUser: service,
        hasMigrate,
        databaseUrlVar: hasMigrate ? `${service.toUpperCase()}_DATABASE_URL` : undefined,
        databaseRole: hasMigrate ? `sakip_${service}` : undefined,
        usesRedis: sources.some((f) => /from ['"]ioredis['"]|createRedisClient\(/.test(readFileSync(f, 'utf8'))),
        configNames: configNamesIn([join(ROOT, 'libs', 'config', 'src', 'base-config.ts'), ...filesUnder(src, (f) => f.endsWith('.config.ts'))]),
      } satisfies DeployableApp;
    });
}

/** `$NATS_<USER>_PASSWORD` references in infra/nats.conf, by user. */
export function natsConfUsers(confText: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const m of confText.matchAll(/user:\s*([a-z][a-z0-9_-]*)\s+password:\s*\$([A-Z0-9_]+)/g)) users.set(m[1], m[2]);
  return users;
}

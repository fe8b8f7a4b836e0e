import { applyRolesAndSchemas, createServiceDataSource, databaseUrlWith, ensureDatabase, runMigrations, withPgClient } from '@sakip/persistence';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceSchema {
  schema: string;
  role: string;
  migrations: Array<new () => unknown>;
  entities?: Array<new () => unknown>;
}

function hashFiles(paths: string[]): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) walk(join(p, f));
    } else {
      h.update(p).update(readFileSync(p));
    }
  };
  paths.forEach(walk);
  return h.digest('hex').slice(0, 12);
}

/**
 * Builds (once per content hash) a database with the roles/schemas script and every service's
 * migrations applied as that service's own role; test files then clone it, which takes
 * milliseconds instead of re-running migrations.
 */
export async function ensureTemplateDatabase(o: { adminUrl: string; sqlDir: string; migrationDirs: string[]; services: ServiceSchema[] }): Promise<string> {
  const name = `sakip_tpl_${hashFiles([o.sqlDir, ...o.migrationDirs])}`;
  return withPgClient(o.adminUrl, async (c) => {
    // Serialise builders (parallel CI jobs on one server); the loser finds the template ready.
    await c.query(`SELECT pg_advisory_lock(hashtext('sakip.test.template'))`);
    try {
      const { rows } = await c.query(`SELECT datistemplate FROM pg_database WHERE datname = $1`, [name]);
      if (rows[0]?.datistemplate) return name;
      if (rows.length) await c.query(`DROP DATABASE ${name} WITH (FORCE)`); // half-built by a crashed run
      await ensureDatabase(o.adminUrl, name);
      const dbUrl = databaseUrlWith(o.adminUrl, { database: name });
      await applyRolesAndSchemas(dbUrl, o.sqlDir);
      for (const s of o.services) {
        const ds = createServiceDataSource({ url: databaseUrlWith(dbUrl, { user: s.role, password: null }), schema: s.schema, entities: s.entities ?? [], migrations: s.migrations, poolSize: 2 });
        await runMigrations(ds);
      }
      await c.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      return name;
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext('sakip.test.template'))`);
    }
  });
}

export interface TestDatabase {
  name: string;
  /** Admin (owner) URL of the test database. */
  adminUrl: string;
  /** URL logged in as a service's own role. */
  urlFor(role: string): string;
  drop(): Promise<void>;
}

/** A private database cloned from the template: no shared rows between test files or runs. */
export async function freshDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `sakip_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withPgClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const dbAdminUrl = databaseUrlWith(adminUrl, { database: name });
  return {
    name,
    adminUrl: dbAdminUrl,
    urlFor: (role) => databaseUrlWith(dbAdminUrl, { user: role, password: null }),
    drop: () => withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Drops test databases left by runs that were killed before their teardown (their names carry the
 * creation time). Only those older than `maxAgeMs`: concurrent runs on the same server keep theirs.
 */
export async function dropStaleTestDatabases(adminUrl: string, maxAgeMs = 6 * 3600_000): Promise<string[]> {
  return withPgClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'sakip\\_t\\_%'`);
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => {
        const created = parseInt(name.split('_')[2] ?? '', 36);
        return Number.isFinite(created) && Date.now() - created > maxAgeMs;
      });
    for (const name of stale) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return stale;
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** Runs `fn` with a short-lived admin connection (the database owner / superuser). */
export async function withPgClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrlWith(url: string, changes: { database?: string; user?: string; password?: string | null }): string {
  const u = new URL(url);
  if (changes.database) u.pathname = `/${changes.database}`;
  if (changes.user) u.username = changes.user;
  if (changes.password === null) u.password = '';
  else if (changes.password) u.password = changes.password;
  return u.toString();
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** CREATE DATABASE unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<boolean> {
  if (!IDENT.test(name) || (template && !IDENT.test(template))) throw new Error(`unsafe database name ${name}`);
  return withPgClient(adminUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === '42P04') return false; // created concurrently
      throw err;
    }
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!IDENT.test(name)) throw new Error(`unsafe database name ${name}`);
  await withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Applies infra/postgres/*.sql (roles, schemas, grants) in file-name order to the database in
 * `dbUrl`. The scripts are idempotent; an advisory lock keeps concurrent runs from racing on roles.
 */
export async function applyRolesAndSchemas(dbUrl: string, sqlDir: string): Promise<void> {
  const files = readdirSync(sqlDir).filter((f) => f.endsWith('.sql')).sort();
  await withPgClient(dbUrl, async (c) => {
    await c.query(`SELECT pg_advisory_lock(hashtext('sakip.infra.postgres'))`);
    try {
      for (const f of files) await c.query(readFileSync(join(sqlDir, f), 'utf8'));
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext('sakip.infra.postgres'))`);
    }
  });
}

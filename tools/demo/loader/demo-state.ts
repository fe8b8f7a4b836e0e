import type { EntityManager } from 'typeorm';

/**
 * Whether the demo may load. The marker is the loader's own audit row (`demo.load` on the
 * settings row, append-only like every audit row), so "already loaded" survives restarts and is
 * visible to the super admin in the audit log. Without it, any planning or performance data
 * means a real Pemda: the demo refuses to mix in.
 */
export const DEMO_AUDIT_OPERATION = 'demo.load';
export const DEMO_ACTOR = 'system:demo-loader';

export type DemoState =
  | { kind: 'empty' }
  | { kind: 'loaded'; loadedAt: Date; details: Record<string, unknown> }
  | { kind: 'occupied'; reason: string };

/** Tables that must be empty for a first load (settings are allowed to exist: they always do). */
const DOMAIN_TABLES = ['opds', 'strategic_plans', 'indicators', 'achievements', 'periods'] as const;

export async function inspectDemoState(db: Pick<EntityManager, 'query'>): Promise<DemoState> {
  const [schema] = await db.query(`SELECT to_regclass('core.opds') IS NOT NULL AS migrated`);
  if (!schema?.migrated) throw new Error('the core schema is not migrated (core.opds is missing): run the migrations first (npm start does)');

  const markers: Array<{ occurred_at: Date; new_values: Record<string, unknown> | null }> = await db.query(
    `SELECT occurred_at, new_values FROM core.audit_log WHERE table_name = 'settings' AND row_id = '1' AND operation = $1 ORDER BY occurred_at LIMIT 1`,
    [DEMO_AUDIT_OPERATION],
  );
  if (markers.length) return { kind: 'loaded', loadedAt: markers[0].occurred_at, details: markers[0].new_values ?? {} };

  const counts: Array<{ tbl: string; n: string }> = await db.query(DOMAIN_TABLES.map((t) => `SELECT '${t}' AS tbl, count(*)::text AS n FROM core.${t}`).join(' UNION ALL '));
  const present = counts.filter((c) => c.n !== '0');
  if (!present.length) return { kind: 'empty' };
  const opds: Array<{ code: string; name: string }> = await db.query(`SELECT code, name FROM core.opds ORDER BY code LIMIT 3`);
  const examples = opds.length ? ` (e.g. ${opds.map((o) => `${o.code} ${o.name}`).join('; ')})` : '';
  return {
    kind: 'occupied',
    reason:
      `the database already holds data that is not the demo's: ${present.map((c) => `${c.n} ${c.tbl}`).join(', ')}${examples}. ` +
      'The demo loads only into an empty core schema (a fresh database), so it never mixes with a real Pemda.',
  };
}

import type { EntityManager } from 'typeorm';
import type { ColumnType, TableRows } from '../dataset';

/**
 * Set-based insert (ARCHITECTURE.md "Data"): one `INSERT … SELECT FROM unnest($1::t[], …)` per
 * chunk, each column travelling as one array parameter. No query per row.
 */
export const DEFAULT_CHUNK_ROWS = 10_000;

const ARRAY_TYPE: Record<ColumnType, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  int: 'int[]',
  numeric: 'numeric[]',
  bool: 'boolean[]',
  timestamptz: 'timestamptz[]',
  jsonb: 'jsonb[]',
};

const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

export async function insertRows(tx: EntityManager, table: TableRows<object>, chunkRows = DEFAULT_CHUNK_ROWS): Promise<number> {
  const { spec, rows } = table;
  if (rows.length === 0) return 0;
  const columns = Object.keys(spec.columns);
  for (const name of [spec.table, ...columns]) if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  const types = columns.map((c) => ARRAY_TYPE[(spec.columns as Record<string, ColumnType>)[c]]);
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows) as Array<Record<string, unknown>>;
    await tx.query(
      sql,
      columns.map((c) => chunk.map((r) => r[c] ?? null)),
    );
  }
  return rows.length;
}

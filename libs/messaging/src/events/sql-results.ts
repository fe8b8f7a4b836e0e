import type { DataSource } from 'typeorm';

/** TypeORM answers a PostgreSQL UPDATE/DELETE through `query()` as `[rows, affectedCount]`. */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** Rows one pruning DELETE removes at most, so no statement holds locks for long. */
export const DELETE_CHUNK = 5000;

/** Repeats a DELETE that removes at most DELETE_CHUNK rows until a round removes fewer. */
export async function deleteInChunks(ds: DataSource, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const n = affectedRows(await ds.query(sql, params));
    total += n;
    if (n < DELETE_CHUNK) return total;
  }
}

import type { ListQuery, Page } from '@sakip/contracts';
import { orderByClause, pageRequest } from '@sakip/persistence';
import type { DataSource, EntityManager } from 'typeorm';

export interface SqlPageOptions<Row, R> {
  /** A complete `SELECT … FROM … WHERE …` without ORDER BY / LIMIT; parameters as $1…$n. */
  sql: string;
  params: unknown[];
  q: ListQuery;
  /** API field → SQL expression over the SELECT's output columns (the only sortable fields). */
  sortable: Record<string, string>;
  defaultSort: string;
  /** Unique column that keeps pages stable when the sort key repeats. */
  tieBreaker: string;
  map: (row: Row) => R;
}

/** One page of a raw SQL list with its total, in the shape every list RPC returns. */
export async function queryPage<Row, R>(db: DataSource | EntityManager, o: SqlPageOptions<Row, R>): Promise<Page<R>> {
  const req = pageRequest(o.q, o.sortable, o.defaultSort, o.tieBreaker);
  const { limit, offset } = req;
  const orderBy = orderByClause(req);
  const n = o.params.length;
  const rows: Array<Row & { __total: string }> = await db.query(
    `SELECT page.*, count(*) OVER () AS __total FROM (${o.sql}) page ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...o.params, limit, offset],
  );
  // Past the end the window yields no row to read the total from.
  const total = rows.length ? Number(rows[0].__total) : offset === 0 ? 0 : Number((await db.query(`SELECT count(*) AS n FROM (${o.sql}) page`, o.params))[0].n);
  return { items: rows.map((r) => o.map(r)), total, limit, offset };
}

import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_LIMIT, validationFailed, type ListQuery, type Page } from '@sakip/contracts';

export interface SortSpec {
  /** API field name → SQL expression on the query's alias (whitelist: nothing else is sortable). */
  [apiField: string]: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
  orderBy: Array<{ expr: string; dir: 'ASC' | 'DESC' }>;
}

/**
 * Turns `limit/offset/sort` into a safe page request: the whitelist maps API names to SQL so user
 * input never reaches the ORDER BY, and an unknown sort field is 400 naming the allowed ones.
 * `tieBreaker` keeps pages stable when the sort key has duplicates.
 */
export function pageRequest(q: ListQuery, sortable: SortSpec, defaultSort: string, tieBreaker: string): PageRequest {
  const raw = q.sort ?? defaultSort;
  const desc = raw.startsWith('-');
  const field = desc ? raw.slice(1) : raw;
  // Own properties only: `sort=constructor` must not find Object.prototype members.
  const expr = Object.hasOwn(sortable, field) ? sortable[field] : undefined;
  if (!expr) {
    throw validationFailed('Unknown sort field', [{ field: 'sort', message: `sort must be one of ${Object.keys(sortable).join(', ')} (optionally prefixed by -)` }]);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const orderBy = [{ expr, dir } as const];
  if (expr !== tieBreaker) orderBy.push({ expr: tieBreaker, dir });
  return { limit: q.limit ?? DEFAULT_LIMIT, offset: q.offset ?? 0, orderBy: [...orderBy] };
}

export async function paginate<E extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<E>,
  req: PageRequest,
  map: (row: E) => R,
): Promise<Page<R>> {
  req.orderBy.forEach((o, i) => (i === 0 ? qb.orderBy(o.expr, o.dir) : qb.addOrderBy(o.expr, o.dir)));
  const [rows, total] = await qb.take(req.limit).skip(req.offset).getManyAndCount();
  return { items: rows.map(map), total, limit: req.limit, offset: req.offset };
}

/** The ORDER BY clause of a page request (raw SQL lists). */
export function orderByClause(req: PageRequest): string {
  return req.orderBy.map((o) => `${o.expr} ${o.dir}`).join(', ');
}

import type { ErrorBody, RpcErrorBody } from './errors';

export interface ListMeta {
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
}

export interface SuccessEnvelope<T> {
  ok: true;
  data: T;
  meta?: ListMeta;
}

export interface ErrorEnvelope {
  ok: false;
  error: ErrorBody & { requestId: string };
}

/** A page of rows as services return it over RPC; the gateway turns it into `data` + `meta`. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function listMeta(page: Page<unknown>): ListMeta {
  return {
    total: page.total,
    limit: page.limit,
    offset: page.offset,
    hasMore: page.offset + page.items.length < page.total,
  };
}

/** RPC reply frame: the same ok/data/error shape as the HTTP envelope, without request id. */
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: RpcErrorBody };

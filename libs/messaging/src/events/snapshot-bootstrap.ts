import { DomainError, ErrorCode, SNAPSHOT_MAX_LIMIT, type SnapshotPage } from '@sakip/contracts';
import type { Logger } from '@sakip/observability';
import type { DataSource, EntityManager } from 'typeorm';
import type { RpcClient } from '../rpc-client';
import { backoffMs, Wakeup } from './backoff';

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export interface SnapshotBootstrapOptions<T> {
  /** Name of what is copied, e.g. `core.opds`: the key in `<schema>.snapshot_state`. */
  source: string;
  /** The owner's paged snapshot RPC, e.g. `core.opd.list.v1` (called without a user identity). */
  subject: string;
  rpc: RpcClient;
  ds: DataSource;
  schema: string;
  /** Applies one page in one transaction; must keep the newer version of a row (events may have run first). */
  apply(tx: EntityManager, items: T[]): Promise<void>;
  logger: Logger;
  pageSize?: number;
  /**
   * Copy again at every start even after a complete copy: it also heals events missed while this
   * service was away (the version guard keeps whichever state is newer). Default: copy once.
   */
  everyStart?: boolean;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Copies another service's data from before this service followed its events (ARCHITECTURE.md:
 * snapshot first, then events). Runs in the background so boot never waits on the owner; a page
 * that fails (owner down, slow, restarting) is retried with back-off from where it stopped, and
 * completion is recorded in `<schema>.snapshot_state`. Event handlers and pages both keep the
 * higher version, so their order does not matter. Called without a user identity: snapshot RPCs
 * are for services only.
 */
export class SnapshotBootstrap<T> {
  private stopped = false;
  private readonly wakeup = new Wakeup();
  private running?: Promise<void>;
  private completeSeen = false;

  constructor(private readonly o: SnapshotBootstrapOptions<T>) {
    if (!SCHEMA.test(o.schema)) throw new Error(`invalid schema name "${o.schema}"`);
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Resolves when the copy completed (or the bootstrap was stopped). */
  whenDone(): Promise<void> {
    this.start();
    return this.running as Promise<void>;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.wake();
    await this.running;
  }

  /** A completed copy stays completed (the row is never removed): once seen, no more queries. */
  async isComplete(db: DataSource | EntityManager = this.o.ds): Promise<boolean> {
    if (this.completeSeen) return true;
    const rows: unknown[] = await db.query(`SELECT 1 FROM "${this.o.schema}".snapshot_state WHERE source = $1 AND completed_at IS NOT NULL`, [this.o.source]);
    this.completeSeen = rows.length > 0;
    return this.completeSeen;
  }


  private async run(): Promise<void> {
    let cursor: string | undefined;
    let copied = 0;
    for (let failures = 0; !this.stopped; ) {
      try {
        if (!this.o.everyStart && copied === 0 && cursor === undefined && (await this.isComplete())) return;
        const page = await this.o.rpc.request<SnapshotPage<T>>(this.o.subject, { limit: this.o.pageSize ?? SNAPSHOT_MAX_LIMIT, ...(cursor ? { cursor } : {}) }, { identity: null });
        if (this.stopped) return;
        await this.o.ds.transaction((tx) => this.o.apply(tx, page.items));
        copied += page.items.length;
        failures = 0;
        if (!page.nextCursor) return await this.markComplete(copied);
        cursor = page.nextCursor;
      } catch (err) {
        if (this.stopped) return;
        // A cursor the owner no longer accepts (its format changed across a deploy): start over.
        if (err instanceof DomainError && err.code === ErrorCode.ValidationFailed) cursor = undefined;
        failures++;
        const wait = backoffMs(failures, this.o.retryBaseMs ?? 500, this.o.retryMaxMs ?? 30_000);
        this.o.logger.warn({ err, source: this.o.source, failures, retryInMs: wait }, 'snapshot copy failed; retrying');
        await this.wakeup.sleep(wait * (0.5 + Math.random() / 2));
      }
    }
  }

  private async markComplete(copied: number): Promise<void> {
    await this.o.ds.query(
      `INSERT INTO "${this.o.schema}".snapshot_state (source, completed_at) VALUES ($1, now())
       ON CONFLICT (source) DO UPDATE SET completed_at = EXCLUDED.completed_at`,
      [this.o.source],
    );
    this.completeSeen = true;
    this.o.logger.info({ source: this.o.source, copied }, 'snapshot copy complete');
  }
}

/** `<schema>.snapshot_state`: which snapshots this service has copied completely. */
export function snapshotStateTableSql(schema: string): string {
  if (!SCHEMA.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return `CREATE TABLE "${schema}".snapshot_state (source text PRIMARY KEY, completed_at timestamptz NULL)`;
}

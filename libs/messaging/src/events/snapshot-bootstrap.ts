import type { SnapshotPage } from '@sakip/contracts';
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
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Copies another service's data from before this service followed its events (ARCHITECTURE.md:
 * snapshot first, then events). Runs in the background so boot never waits on the owner; retries
 * with back-off until it completes once, then records it in `<schema>.snapshot_state`. Event
 * handlers and pages both keep the higher version, so their order does not matter.
 */
export class SnapshotBootstrap<T> {
  private stopped = false;
  private readonly wakeup = new Wakeup();
  private running?: Promise<void>;

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

  async isComplete(db: DataSource | EntityManager = this.o.ds): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM "${this.o.schema}".snapshot_state WHERE source = $1 AND completed_at IS NOT NULL`, [this.o.source]);
    return rows.length > 0;
  }

  private async run(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        if (await this.isComplete()) return;
        await this.copyAll();
        return;
      } catch (err) {
        if (this.stopped) return;
        const wait = backoffMs(attempt, this.o.retryBaseMs ?? 1000, this.o.retryMaxMs ?? 60_000);
        this.o.logger.warn({ err, source: this.o.source, retryInMs: wait }, 'snapshot bootstrap failed; retrying');
        await this.wakeup.sleep(wait * (0.5 + Math.random() / 2));
      }
    }
  }

  private async copyAll(): Promise<void> {
    let cursor: string | undefined;
    let copied = 0;
    do {
      const page = await this.o.rpc.request<SnapshotPage<T>>(this.o.subject, { cursor, limit: this.o.pageSize ?? 500 }, { identity: null });
      await this.o.ds.transaction((tx) => this.o.apply(tx, page.items));
      copied += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !this.stopped);
    if (this.stopped) return;
    await this.o.ds.query(
      `INSERT INTO "${this.o.schema}".snapshot_state (source, completed_at) VALUES ($1, now())
       ON CONFLICT (source) DO UPDATE SET completed_at = EXCLUDED.completed_at`,
      [this.o.source],
    );
    this.o.logger.info({ source: this.o.source, copied }, 'snapshot bootstrap complete');
  }
}

/** `<schema>.snapshot_state`: which snapshots this service has copied completely. */
export function snapshotStateTableSql(schema: string): string {
  if (!SCHEMA.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return `CREATE TABLE "${schema}".snapshot_state (source text PRIMARY KEY, completed_at timestamptz NULL)`;
}

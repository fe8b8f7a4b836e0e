import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CORE_EVENTS, CORE_SUBJECTS, validationFailed, type EnvelopeOf, type OpdSnapshot } from '@sakip/contracts';
import { OnEvent, RpcClient, SnapshotBootstrap } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { AUTH_SCHEMA } from '../migrations';

const MISS_GRACE_MS = 2000;

interface OpdRow {
  opdId: string;
  code: string;
  name: string;
  isActive: boolean;
  deleted: boolean;
  version: number;
}

/** Keeps the row with the higher version: snapshot pages and events may arrive in any order. */
async function upsertOpds(tx: EntityManager, rows: OpdRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO auth.opd_directory (opd_id, code, name, is_active, deleted, version, updated_at)
     SELECT * , now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::int[])
     ON CONFLICT (opd_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, is_active = EXCLUDED.is_active,
       deleted = EXCLUDED.deleted, version = EXCLUDED.version, updated_at = now()
     WHERE auth.opd_directory.version < EXCLUDED.version`,
    [rows.map((r) => r.opdId), rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.isActive), rows.map((r) => r.deleted), rows.map((r) => r.version)],
  );
}

/**
 * auth's copy of core's OPD list. Until the first complete snapshot auth accepts an OPD id as
 * given (core may not run yet); from then on a user or key naming an unknown, deleted or
 * inactive OPD is refused (ARCHITECTURE.md "Events").
 */
@Injectable()
export class OpdDirectory implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly bootstrap: SnapshotBootstrap<OpdSnapshot>;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    rpc: RpcClient,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.bootstrap = new SnapshotBootstrap<OpdSnapshot>({
      source: 'core.opds',
      subject: CORE_SUBJECTS.opdList,
      rpc,
      ds,
      schema: AUTH_SCHEMA,
      logger,
      apply: (tx, items) => upsertOpds(tx, items.map((o) => ({ opdId: o.opdId, code: o.code, name: o.name, isActive: o.isActive, deleted: false, version: o.version }))),
    });
  }

  onApplicationBootstrap(): void {
    this.bootstrap.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bootstrap.stop();
  }

  /** Resolves once the snapshot has been copied (tests; readiness does not wait for it). */
  whenSynced(): Promise<void> {
    return this.bootstrap.whenDone();
  }

  @OnEvent(CORE_EVENTS.opdChanged, { durable: 'opd-directory' })
  async opdChanged(event: EnvelopeOf<typeof CORE_EVENTS.opdChanged>, tx: EntityManager): Promise<void> {
    const o = event.data;
    await upsertOpds(tx, [{ opdId: o.opdId, code: o.code, name: o.name, isActive: o.isActive, deleted: o.change === 'deleted', version: o.version }]);
  }

  /**
   * VALIDATION_FAILED on `field` when the OPD is not a live one (once the directory is synced).
   * An OPD created a moment ago may still be on its way as an event: a miss is re-read for up to
   * MISS_GRACE_MS before it counts as unknown.
   */
  async assertKnown(opdId: string | null | undefined, field = 'opdId'): Promise<void> {
    if (!opdId || !(await this.bootstrap.isComplete())) return;
    let row = await this.find(opdId);
    for (let waited = 0; !row && waited < MISS_GRACE_MS; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      row = await this.find(opdId);
    }
    if (!row || row.deleted) throw validationFailed('Unknown OPD', [{ field, message: 'no such OPD' }]);
    if (!row.is_active) throw validationFailed('Inactive OPD', [{ field, message: 'this OPD is inactive' }]);
  }

  private async find(opdId: string): Promise<{ is_active: boolean; deleted: boolean } | undefined> {
    const [row] = await this.ds.query(`SELECT is_active, deleted FROM auth.opd_directory WHERE opd_id = $1`, [opdId]);
    return row;
  }
}

import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type CallerIdentity, type OpdHeadUpsertRequest, type OpdHeadUpsertResult } from '@sakip/contracts';
import { OpdsRepository } from '../opds.repository';

/** Who `core.opd.head.upsert.v1` records as the actor: the staff sync of integration-sync. */
export const HEAD_SYNC_ACTOR = 'system:integration';

/**
 * `core.opd.head.upsert.v1`: integration-sync sets an OPD's head (PIHAK PERTAMA) from SIMPEG.
 * Services only, like the snapshot RPCs (no user identity: users change heads with PATCH /opds).
 * Idempotent: the head already in place answers `changed: false` with no write, event or audit.
 */
@Injectable()
export class UpsertOpdHead {
  constructor(private readonly opds: OpdsRepository) {}

  async execute(caller: CallerIdentity | null, req: OpdHeadUpsertRequest): Promise<OpdHeadUpsertResult> {
    if (caller) throw forbidden('Setting an OPD head from a staff source is for services only');
    const result = await this.opds.update(
      req.opdId,
      // An empty rank or NIP from upstream means "none", as in the OPD's own fields.
      { headName: req.name, headPosition: req.position, headRank: req.rank || null, headNip: req.nip || null },
      { actor: HEAD_SYNC_ACTOR, ip: null },
    );
    if (!result) throw notFound('OPD');
    return { opdId: req.opdId, changed: result.changed };
  }
}

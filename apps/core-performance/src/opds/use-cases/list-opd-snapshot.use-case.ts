import { Injectable } from '@nestjs/common';
import { forbidden, SNAPSHOT_DEFAULT_LIMIT, type CallerIdentity, type OpdSnapshotPage, type OpdSnapshotRequest } from '@sakip/contracts';
import { decodeIdCursor, encodeIdCursor } from '@sakip/persistence';
import { toOpdSnapshot } from '../opd';
import { OpdsRepository } from '../opds.repository';

/**
 * `core.opd.list.v1`: every OPD in id order, for a service bootstrapping its copy before it
 * follows `evt.core.opd.changed.v1` (auth, notification, reports). Services only, as auth's
 * `auth.user.list.v1`: a call carrying a user identity came through the gateway, and users read
 * OPDs through `/opds` with their OPD scoping.
 */
@Injectable()
export class ListOpdSnapshot {
  constructor(private readonly opds: OpdsRepository) {}

  async execute(caller: CallerIdentity | null, req: OpdSnapshotRequest): Promise<OpdSnapshotPage> {
    if (caller) throw forbidden('The OPD snapshot is for services only');
    const limit = req.limit ?? SNAPSHOT_DEFAULT_LIMIT;
    // One row more than asked tells whether another page exists without a COUNT.
    const rows = await this.opds.pageById(decodeIdCursor(req.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toOpdSnapshot), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
  }
}

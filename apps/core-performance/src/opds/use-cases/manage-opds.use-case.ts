import { Injectable } from '@nestjs/common';
import {
  notFound,
  validationFailed,
  type CallerIdentity,
  type CreateOpdRequest,
  type OpdListQuery,
  type OpdView,
  type Page,
  type UpdateOpdCommand,
} from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { toOpdView, type OpdPatch } from '../opd';
import { OpdsRepository } from '../opds.repository';

/**
 * `/opds` (API.md "Core performance"): every role reads, a caller bound to an OPD sees only its
 * own (another is 404, lists hold just it); super_admin creates, changes and deletes.
 */
@Injectable()
export class ManageOpds {
  constructor(private readonly opds: OpdsRepository) {}

  async list(caller: CallerIdentity | null, q: OpdListQuery): Promise<Page<OpdView>> {
    const reader = assertPermission(caller, 'opds.read');
    return this.opds.query(q, OpdAccess.of(reader).boundOpdId);
  }

  async get(caller: CallerIdentity | null, id: string): Promise<OpdView> {
    const reader = assertPermission(caller, 'opds.read');
    const opd = await this.opds.findById(id);
    if (!opd) throw notFound('OPD');
    OpdAccess.of(reader).assertVisible(opd.id, 'OPD');
    return toOpdView(opd);
  }

  async create(caller: CallerIdentity | null, req: CreateOpdRequest): Promise<OpdView> {
    const admin = assertPermission(caller, 'opds.manage');
    const now = new Date();
    const opd = await this.opds.create(
      {
        id: uuidv7(),
        code: req.code,
        name: req.name,
        shortName: req.shortName ?? null,
        headName: req.headName ?? null,
        headPosition: req.headPosition ?? null,
        headRank: req.headRank ?? null,
        headNip: req.headNip ?? null,
        isActive: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      { actor: admin.actor, ip: admin.ip },
    );
    return toOpdView(opd);
  }

  async update(caller: CallerIdentity | null, cmd: UpdateOpdCommand): Promise<OpdView> {
    const admin = assertPermission(caller, 'opds.manage');
    const { id, expectedVersion, ...sent } = cmd;
    // A DTO instance carries every optional field as undefined: only what was sent is a change.
    const patch = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as OpdPatch;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', [{ message: 'send at least one field' }]);
    const result = await this.opds.update(id, patch, { actor: admin.actor, ip: admin.ip }, expectedVersion);
    if (!result) throw notFound('OPD');
    return toOpdView(result.opd);
  }

  /** If-Match (`expectedVersion`) → 412 when stale, like every other delete. */
  async delete(caller: CallerIdentity | null, id: string, expectedVersion?: number): Promise<void> {
    const admin = assertPermission(caller, 'opds.manage');
    if (!(await this.opds.delete(id, { actor: admin.actor, ip: admin.ip }, expectedVersion))) throw notFound('OPD');
  }
}

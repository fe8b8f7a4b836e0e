import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type AchievementActionCommand, type AchievementView, type CallerIdentity, type UpdateAchievementCommand } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { parseDecimal } from '../../periods/period-calendar';
import { FileReferences } from '../../files/file-references';
import { toAchievementView, type AchievementRow } from '../achievement-row';
import { AchievementsRepository, type AchievementPatch } from '../achievements.repository';

/** Update (draft/revision) and delete (draft) by the OPD that owns the achievement, or super_admin. */
@Injectable()
export class EditAchievement {
  constructor(
    private readonly achievements: AchievementsRepository,
    private readonly files: FileReferences,
  ) {}

  async update(caller: CallerIdentity | null, cmd: UpdateAchievementCommand): Promise<AchievementView> {
    const who = assertPermission(caller, 'achievements.write');
    const patch: AchievementPatch = {};
    if (cmd.realization !== undefined) patch.realization = parseDecimal(cmd.realization, 'realization').toFixed();
    if (cmd.notes !== undefined) patch.notes = cmd.notes;
    if (cmd.documentIds !== undefined) patch.documentIds = cmd.documentIds;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', [{ message: 'send realization, notes or documentIds' }]);
    const current = await this.writable(who, cmd.id);
    if (patch.documentIds) await this.files.assertVisible(who, patch.documentIds, 'documentIds', current.document_ids);
    return toAchievementView(await this.achievements.update(current, patch, cmd.expectedVersion, who));
  }

  async delete(caller: CallerIdentity | null, cmd: AchievementActionCommand): Promise<void> {
    const who = assertPermission(caller, 'achievements.write');
    await this.achievements.delete(await this.writable(who, cmd.id), cmd.expectedVersion, who);
  }

  private async writable(who: CallerIdentity, id: string): Promise<AchievementRow> {
    const row = await this.achievements.findById(id);
    if (!row) throw notFound('Achievement');
    OpdAccess.of(who).assertWritable(row.opd_id, 'Achievement');
    return row;
  }
}

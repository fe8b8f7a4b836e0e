import { Injectable } from '@nestjs/common';
import { notFound, type AchievementActionCommand, type AchievementView, type CallerIdentity, type ReturnAchievementCommand } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { toAchievementView } from '../achievement-row';
import { TRANSITIONS, type TransitionName } from '../achievement-workflow';
import { AchievementsRepository } from '../achievements.repository';

/**
 * submit (draft|revision → submitted) by the OPD or super_admin; verify (submitted → verified) and
 * return (submitted → revision, with a note) by evaluators only — super_admin and API keys get 403.
 */
@Injectable()
export class TransitionAchievement {
  constructor(private readonly achievements: AchievementsRepository) {}

  submit(caller: CallerIdentity | null, cmd: AchievementActionCommand): Promise<AchievementView> {
    return this.run(caller, 'submit', cmd.id, null, cmd.expectedVersion);
  }

  verify(caller: CallerIdentity | null, cmd: AchievementActionCommand): Promise<AchievementView> {
    return this.run(caller, 'verify', cmd.id, null, cmd.expectedVersion);
  }

  return(caller: CallerIdentity | null, cmd: ReturnAchievementCommand): Promise<AchievementView> {
    return this.run(caller, 'return', cmd.id, cmd.note, cmd.expectedVersion);
  }

  private async run(caller: CallerIdentity | null, name: TransitionName, id: string, note: string | null, expectedVersion: number | undefined): Promise<AchievementView> {
    const t = TRANSITIONS[name];
    const who = assertPermission(caller, t.permission);
    const current = await this.achievements.findById(id);
    if (!current) throw notFound('Achievement');
    const access = OpdAccess.of(who);
    // Submitting writes for the OPD (Pemda IKU: super_admin only); evaluators see every OPD.
    if (name === 'submit') access.assertWritable(current.opd_id, 'Achievement');
    else access.assertVisible(current.opd_id, 'Achievement');
    return toAchievementView(await this.achievements.transition(current, name, t, note, expectedVersion, who));
  }
}

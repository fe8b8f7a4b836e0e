import { Injectable } from '@nestjs/common';
import { notFound, type AchievementHistoryView, type AchievementListQuery, type AchievementView, type CallerIdentity, type Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { toAchievementView, toHistoryView, type AchievementRow } from '../achievement-row';
import { AchievementsRepository } from '../achievements.repository';

/** List, get and history: every role reads; a caller bound to an OPD sees its own and Pemda rows. */
@Injectable()
export class ReadAchievements {
  constructor(private readonly achievements: AchievementsRepository) {}

  list(caller: CallerIdentity | null, q: AchievementListQuery): Promise<Page<AchievementView>> {
    const who = assertPermission(caller, 'achievements.read');
    return this.achievements.query(q, OpdAccess.of(who));
  }

  async get(caller: CallerIdentity | null, id: string): Promise<AchievementView> {
    return toAchievementView(await this.visible(caller, id));
  }

  async history(caller: CallerIdentity | null, id: string): Promise<AchievementHistoryView[]> {
    const row = await this.visible(caller, id);
    return (await this.achievements.history(row.id)).map(toHistoryView);
  }

  private async visible(caller: CallerIdentity | null, id: string): Promise<AchievementRow> {
    const who = assertPermission(caller, 'achievements.read');
    const row = await this.achievements.findById(id);
    if (!row) throw notFound('Achievement');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Achievement');
    return row;
  }
}

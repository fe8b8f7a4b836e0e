import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type AchievementView, type CallerIdentity, type CreateAchievementRequest } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { parseDecimal, type Period } from '../../periods/period-calendar';
import { FileReferences } from '../../files/file-references';
import { achievementFitErrors, type AchievementFitBasis } from '../achievement-fit';
import { toAchievementView } from '../achievement-row';
import { AchievementsRepository } from '../achievements.repository';

/** `POST /achievements`: a draft realization of one indicator for one period. */
@Injectable()
export class CreateAchievement {
  constructor(
    private readonly achievements: AchievementsRepository,
    private readonly files: FileReferences,
  ) {}

  async execute(caller: CallerIdentity | null, req: CreateAchievementRequest): Promise<AchievementView> {
    const who = assertPermission(caller, 'achievements.write');
    const indicator = await this.achievements.findIndicator(req.indicatorId);
    if (!indicator) throw notFound('Indicator');
    // Foreign indicator → 404; Pemda IKU (no OPD) → super_admin only (403).
    OpdAccess.of(who).assertWritable(indicator.opd_id, 'Indicator');

    // Checked here (400, nothing written) and again on the indicator re-read under its lock in the
    // transaction: a frequency or plan-period change committed meanwhile is seen, never slipped past.
    const assertFits = (basis: AchievementFitBasis) => {
      const errors = achievementFitErrors(basis, req.year, req.period);
      if (errors.length) throw validationFailed('The achievement does not fit the indicator', errors);
    };
    assertFits(indicator);
    await this.files.assertVisible(who, req.documentIds ?? [], 'documentIds');

    const row = await this.achievements.create(
      {
        indicatorId: indicator.id,
        opdId: indicator.opd_id,
        year: req.year,
        period: req.period as Period,
        realization: parseDecimal(req.realization, 'realization').toFixed(),
        notes: req.notes ?? null,
        documentIds: req.documentIds ?? [],
      },
      who,
      assertFits,
    );
    return toAchievementView(row);
  }
}

import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type AchievementView, type CallerIdentity, type CreateAchievementRequest, type ErrorDetail } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { yearOutsidePlan } from '../../indicators/target-values';
import { isPeriodAllowed, parseDecimal, periodsOf, type Period } from '../../periods/period-calendar';
import { toAchievementView } from '../achievement-row';
import { AchievementsRepository } from '../achievements.repository';

/** `POST /achievements`: a draft realization of one indicator for one period. */
@Injectable()
export class CreateAchievement {
  constructor(private readonly achievements: AchievementsRepository) {}

  async execute(caller: CallerIdentity | null, req: CreateAchievementRequest): Promise<AchievementView> {
    const who = assertPermission(caller, 'achievements.write');
    const indicator = await this.achievements.findIndicator(req.indicatorId);
    if (!indicator) throw notFound('Indicator');
    // Foreign indicator → 404; Pemda IKU (no OPD) → super_admin only (403).
    OpdAccess.of(who).assertWritable(indicator.opd_id, 'Indicator');

    const errors: ErrorDetail[] = [];
    if (!isPeriodAllowed(indicator.frequency, req.period)) {
      errors.push({ field: 'period', message: `a ${indicator.frequency} indicator reports in ${periodsOf(indicator.frequency).join(', ')}` });
    }
    const year = yearOutsidePlan(req.year, indicator.period_start, indicator.period_end);
    if (year) errors.push(year);
    if (errors.length) throw validationFailed('The achievement does not fit the indicator', errors);

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
    );
    return toAchievementView(row);
  }
}

import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsActor, IsDecimalText, IsInstant, IsNullableText, IsNullableUuid, IsPeriod } from '../common/validators';
import { ACHIEVEMENT_STATUSES, CHANGE_KINDS, INDICATOR_PARENT_TYPES, LKE_GRADES, type AchievementStatus, type ChangeKind, type IndicatorParentType, type LkeGrade } from '../core/enums';

/** Facts `core-performance` publishes on the EVENTS stream. */
export const CORE_EVENTS = {
  achievementSubmitted: 'evt.core.achievement.submitted.v1',
  achievementReturned: 'evt.core.achievement.returned.v1',
  achievementVerified: 'evt.core.achievement.verified.v1',
  achievementLocked: 'evt.core.achievement.locked.v1',
  indicatorChanged: 'evt.core.indicator.changed.v1',
  opdChanged: 'evt.core.opd.changed.v1',
  evaluationPublished: 'evt.core.evaluation.published.v1',
  fileLinksChanged: 'evt.core.file_links.changed.v1',
  auditRecorded: 'evt.core.audit.recorded.v1',
} as const;

/** One workflow transition of one achievement (the history row, as a fact). */
export class AchievementTransitionV1 {
  @IsUUID() achievementId: string;
  @IsUUID() indicatorId: string;
  /** null for the Pemda's own indicators (RPJMD, Pemda IKU). */
  @IsNullableUuid() opdId: string | null;
  @IsInt() @Min(2000) @Max(2100) year: number;
  @IsPeriod() period: string;
  @IsIn(ACHIEVEMENT_STATUSES) fromStatus: AchievementStatus;
  @IsIn(ACHIEVEMENT_STATUSES) toStatus: AchievementStatus;
  @IsActor() actor: string;
  @IsNullableText(2000) note: string | null;
}

export class AchievementSubmittedV1 extends AchievementTransitionV1 {}
/** Returned for revision by an evaluator; `note` says why. */
export class AchievementReturnedV1 extends AchievementTransitionV1 {}
export class AchievementVerifiedV1 extends AchievementTransitionV1 {}
/** Locked with its period; nothing of it may change afterwards. */
export class AchievementLockedV1 extends AchievementTransitionV1 {}

export class IndicatorChangedV1 {
  @IsUUID() indicatorId: string;
  @IsIn(CHANGE_KINDS) change: ChangeKind;
  /** null for Pemda indicators (RPJMD). */
  @IsNullableUuid() opdId: string | null;
  @IsIn(INDICATOR_PARENT_TYPES) parentType: IndicatorParentType;
  @IsUUID() parentId: string;
  @IsString() @Length(1, 500) name: string;
  @IsBoolean() isIku: boolean;
  @IsInt() @Min(1) version: number;
}

/** The head of an OPD: PIHAK PERTAMA of its Perjanjian Kinerja (DOMAIN.md "Reports"). */
export class OpdHeadV1 {
  @IsString() @Length(1, 200) name: string;
  @IsString() @Length(1, 200) position: string;
  @IsNullableText(100) rank: string | null;
  @IsNullableText(30) nip: string | null;
}

/** Event-carried state of an OPD; auth refuses user OPDs it does not know once it follows these. */
export class OpdChangedV1 {
  @IsUUID() opdId: string;
  @IsIn(CHANGE_KINDS) change: ChangeKind;
  @IsString() @Length(1, 50) code: string;
  @IsString() @Length(1, 300) name: string;
  @IsBoolean() isActive: boolean;
  @ValidateIf((_o, v) => v !== null) @ValidateNested() @Type(() => OpdHeadV1) head: OpdHeadV1 | null;
  @IsInt() @Min(1) version: number;
}

export class EvaluationPublishedV1 {
  @IsUUID() evaluationId: string;
  @IsUUID() opdId: string;
  @IsInt() @Min(2000) @Max(2100) year: number;
  /** 0–100, 2 decimals, as a string. */
  @IsDecimalText() score: string;
  @IsIn(LKE_GRADES) grade: LkeGrade;
  @IsInstant() publishedAt: string;
}

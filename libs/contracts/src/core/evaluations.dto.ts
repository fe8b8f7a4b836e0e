// DTOs of the evaluations routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { LKE_GRADES, type LkeGrade } from './enums';
import { IsExpectedVersion, notUndefined, sortOptions, trim } from '../common/transforms';

/** If-Match versions are int4 (versionFromIfMatch clamps larger ones). */

/** DOMAIN.md "Evaluation (LKE)": draft → final → published. */
export const EVALUATION_STATUSES = ['draft', 'final', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** How a criterion is answered: `yes_no` (Y = 100, T = 0) or `a_to_e` (A 100, B 75, C 50, D 25, E 0). */
export const LKE_ANSWER_TYPES = ['yes_no', 'a_to_e'] as const;
export type LkeAnswerType = (typeof LKE_ANSWER_TYPES)[number];

export const LKE_ANSWERS = ['Y', 'T', 'A', 'B', 'C', 'D', 'E'] as const;
export type LkeAnswer = (typeof LKE_ANSWERS)[number];

/** Tindak lanjut of one recommendation, recorded by the OPD after publishing. */
export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const LKE_SUB_COMPONENT_KINDS = ['keberadaan', 'kualitas', 'pemanfaatan'] as const;
export type LkeSubComponentKind = (typeof LKE_SUB_COMPONENT_KINDS)[number];

export const MAX_EVIDENCE_PER_CRITERION = 20;
/** Distinct evidence files of one whole evaluation: its file-links event carries at most 1,000 (FileLinksChangedV1). */
export const MAX_EVIDENCE_PER_EVALUATION = 1000;
export const LKE_NOTE_MAX = 2000;
export const RECOMMENDATION_TEXT_MAX = 4000;
/** More than any LKE has criteria: one request may answer the whole sheet. */
export const MAX_ANSWERS_PER_REQUEST = 200;

// ── Requests ───────────────────────────────────────────────────────────────────────────────────

export class CreateEvaluationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  opdId: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026, description: 'the year evaluated (one evaluation per OPD and year)' })
  @IsInt() @Min(2000) @Max(2100)
  year: number;
}

export class EvaluationAnswerItem {
  @ApiProperty({ format: 'uuid', description: 'a criterion id of this evaluation' }) @IsUUID()
  criterionId: string;

  @ApiProperty({ enum: LKE_ANSWERS, description: 'yes_no criteria take Y or T; a_to_e criteria take A–E' }) @IsIn(LKE_ANSWERS)
  answer: LkeAnswer;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: LKE_NOTE_MAX, description: 'omitted: kept; null: cleared' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @Length(0, LKE_NOTE_MAX)
  note?: string | null;

  // null has no meaning here (unlike note): it is refused (400) rather than read as "keep" or "clear".
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_EVIDENCE_PER_CRITERION, description: 'the complete new set of evidence files (omitted: kept; [] clears it)' })
  @notUndefined @IsArray() @ArrayMaxSize(MAX_EVIDENCE_PER_CRITERION) @ArrayUnique() @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class PutEvaluationAnswersRequest {
  @ApiProperty({ type: [EvaluationAnswerItem], description: 'upserted per criterion while the evaluation is a draft; each criterion at most once' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ANSWERS_PER_REQUEST) @ValidateNested({ each: true }) @Type(() => EvaluationAnswerItem)
  answers: EvaluationAnswerItem[];
}

export class CreateRecommendationRequest {
  @ApiProperty({ format: 'uuid', description: 'a component id of this evaluation' }) @IsUUID()
  componentId: string;

  @ApiProperty({ minLength: 1, maxLength: RECOMMENDATION_TEXT_MAX }) @Transform(trim) @IsString() @Length(1, RECOMMENDATION_TEXT_MAX)
  text: string;
}

export class FollowUpRequest {
  @ApiProperty({ minLength: 1, maxLength: RECOMMENDATION_TEXT_MAX, description: 'what the OPD did (tindak lanjut)' })
  @Transform(trim) @IsString() @Length(1, RECOMMENDATION_TEXT_MAX)
  text: string;

  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) @IsIn(FOLLOW_UP_STATUSES)
  status: FollowUpStatus;
}

export const EVALUATION_SORTABLE = ['year', 'score', 'createdAt', 'updatedAt'] as const;
const EVALUATION_SORTS = sortOptions(EVALUATION_SORTABLE);

export class EvaluationListQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: EVALUATION_STATUSES, description: 'admin_opd and viewer see published evaluations only' })
  @IsOptional() @IsIn(EVALUATION_STATUSES)
  status?: EvaluationStatus;

  @ApiPropertyOptional({ enum: EVALUATION_SORTS, description: 'default -year' }) @IsOptional() @IsIn(EVALUATION_SORTS)
  declare sort?: string;
}

/** `:id/recommendations/:rid` path parameters. */
export class RecommendationParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID(undefined, { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID(undefined, { message: 'rid must be a UUID' })
  rid: string;
}

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

export class EvaluationCriterionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1.a.2' }) code: string;
  @ApiProperty() question: string;
  @ApiProperty({ enum: LKE_ANSWER_TYPES }) answerType: LkeAnswerType;
  @ApiProperty({ enum: LKE_ANSWERS, nullable: true, type: String }) answer: LkeAnswer | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceFileIds: string[];
  @ApiProperty({ nullable: true, type: String }) answeredBy: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
}

export class EvaluationSubComponentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1.a' }) code: string;
  @ApiProperty({ enum: LKE_SUB_COMPONENT_KINDS }) kind: LkeSubComponentKind;
  @ApiProperty({ example: 'Keberadaan' }) name: string;
  @ApiProperty({ example: 20, description: '% of the component weight' }) share: number;
  @ApiProperty({ example: 6, description: 'share × component weight / 100: its points in the 0–100 score' }) weight: number;
  @ApiProperty() answered: number;
  @ApiProperty() total: number;
  @ApiProperty({ nullable: true, type: Number, description: 'mean of the answered criteria (0–100, 2 decimals); null when none is answered' }) value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'value × weight / 100 (2 decimals)' }) score: number | null;
  @ApiProperty({ type: [EvaluationCriterionView] }) criteria: EvaluationCriterionView[];
}

export class EvaluationComponentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1' }) code: string;
  @ApiProperty({ example: 'Perencanaan Kinerja' }) name: string;
  @ApiProperty({ example: 30 }) weight: number;
  @ApiProperty() answered: number;
  @ApiProperty() total: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Σ of its sub-component scores (0–weight, 2 decimals); null when nothing is answered' }) score: number | null;
  @ApiProperty({ type: [EvaluationSubComponentView] }) subComponents: EvaluationSubComponentView[];
}

export class RecommendationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ format: 'uuid' }) componentId: string;
  @ApiProperty() text: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) followUpText: string | null;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) followUpStatus: FollowUpStatus;
  @ApiProperty({ nullable: true, type: String }) followUpBy: string | null;
  @ApiProperty({ nullable: true, type: String }) followUpAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** A list item: the evaluation without its sheet. */
export class EvaluationSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: 'lke-88-2021' }) templateCode: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ enum: EVALUATION_STATUSES }) status: EvaluationStatus;
  @ApiProperty({ nullable: true, type: Number, example: 78.25, description: '0–100, 2 decimals; set at finalize (null while draft)' }) score: number | null;
  @ApiProperty({ enum: LKE_GRADES, nullable: true, type: String }) grade: LkeGrade | null;
  @ApiProperty({ nullable: true, type: String, example: 'Sangat Baik' }) gradeLabel: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) finalizedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class EvaluationView extends EvaluationSummaryView {
  @ApiProperty({ type: [EvaluationComponentView] }) components: EvaluationComponentView[];
  @ApiProperty({ type: [RecommendationView] }) recommendations: RecommendationView[];
}

// ── RPC commands: the public body plus the path ids and the If-Match version ───────────────────

export class EvaluationActionCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class PutEvaluationAnswersCommand extends PutEvaluationAnswersRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

/** expectedVersion: the evaluation's version. */
export class CreateRecommendationCommand extends CreateRecommendationRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

/** expectedVersion: the recommendation's version. */
export class FollowUpCommand extends FollowUpRequest {
  @IsUUID() id: string;
  @IsUUID() recommendationId: string;
  @IsExpectedVersion() expectedVersion?: number;
}

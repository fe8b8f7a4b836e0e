// DTOs of the planning routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { INDICATOR_PARENT_TYPES, type IndicatorParentType } from './enums';
import { IndicatorView } from './indicators.dto';
import { IsExpectedVersion, notUndefined, nullText, sortOptions, trim } from '../common/transforms';

/** `?opdId=null` selects the Pemda's own rows (the RPJMD); any other value must be a UUID. */

/** The planning levels below a strategic plan (DOMAIN.md "Planning tree"), as API.md names them. */
export const PLAN_LEVELS = INDICATOR_PARENT_TYPES;
export type PlanLevel = IndicatorParentType;

const INT4 = { min: -2147483648, max: 2147483647 } as const;

// ── Strategic plans (renstra; opdId null = the Pemda's RPJMD) ─────────────────────────────────

export class CreateStrategicPlanRequest {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the Pemda RPJMD (super_admin only)' })
  @ValidateIf((_o, v) => v !== null) @IsUUID()
  opdId: string | null;

  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2096)
  periodStart: number;

  @ApiProperty({ example: 2029, description: 'periodStart + 4 (five years)' }) @IsInt() @Min(2004) @Max(2100)
  periodEnd: number;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 5000)
  vision: string;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 10000)
  mission: string;
}


export class UpdateStrategicPlanRequest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'only while the plan has no goals' })
  @IsOptional() @IsUUID()
  opdId?: string | null;

  @ApiPropertyOptional() @notUndefined @IsInt() @Min(2000) @Max(2096)
  periodStart?: number;

  @ApiPropertyOptional() @notUndefined @IsInt() @Min(2004) @Max(2100)
  periodEnd?: number;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 5000)
  vision?: string;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 10000)
  mission?: string;
}

export class UpdateStrategicPlanCommand extends UpdateStrategicPlanRequest {
  @IsUUID() id: string;
  /** If-Match versions are int4: 0 or a version past the row's is simply stale (412), never a 400 or an overflow. */
  @IsExpectedVersion() expectedVersion?: number;
}

/** Delete (and any id-only write) with the client's If-Match. */
export class DeleteStrategicPlanCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export const STRATEGIC_PLAN_SORTABLE = ['periodStart', 'createdAt'] as const;

export class StrategicPlanListQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'an OPD id, or `null` for the RPJMD' })
  @IsOptional() @Transform(nullText) @IsUUID()
  opdId?: string | null;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  periodStart?: number;

  @ApiPropertyOptional({ enum: sortOptions(STRATEGIC_PLAN_SORTABLE) })
  @IsOptional() @IsIn(sortOptions(STRATEGIC_PLAN_SORTABLE))
  declare sort?: string;
}

export class StrategicPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the RPJMD' }) opdId: string | null;
  @ApiProperty() periodStart: number;
  @ApiProperty() periodEnd: number;
  @ApiProperty() vision: string;
  @ApiProperty() mission: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

// ── Plan nodes: goal → objective → program → activity → sub_activity (one table, `level`) ─────

class NodeFields {
  @ApiProperty({ example: '1.1' }) @Transform(trim) @IsString() @Length(1, 50)
  code: string;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 500)
  name: string;

  @ApiPropertyOptional({ description: 'position among its siblings (default 0)' })
  @IsOptional() @IsInt() @Min(INT4.min) @Max(INT4.max)
  order?: number;
}

class NodeUpdateFields {
  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 50)
  code?: string;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 500)
  name?: string;

  @ApiPropertyOptional() @notUndefined @IsInt() @Min(INT4.min) @Max(INT4.max)
  order?: number;
}

const SIPD_DOC = 'full dotted SIPD code, checked per level: program `1.02.02`, activity `1.02.02.2.01`, sub-activity `1.02.02.2.01.0001`';

export class CreateGoalRequest extends NodeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() strategicPlanId: string;
}

export class CreateObjectiveRequest extends NodeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() goalId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the RPJMD sasaran this OPD sasaran serves' })
  @IsOptional() @IsUUID()
  rpjmdObjectiveId?: string | null;
}

export class CreateProgramRequest extends NodeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() objectiveId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: SIPD_DOC, example: '1.02.02' }) @IsOptional() @IsString() @Length(1, 60)
  sipdCode?: string | null;
}

export class CreateActivityRequest extends NodeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: SIPD_DOC, example: '1.02.02.2.01' }) @IsOptional() @IsString() @Length(1, 60)
  sipdCode?: string | null;
}

export class CreateSubActivityRequest extends NodeFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() activityId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: SIPD_DOC, example: '1.02.02.2.01.0001' }) @IsOptional() @IsString() @Length(1, 60)
  sipdCode?: string | null;
}

/** Moving a node to another parent is not supported: the parent field is refused as unknown. */
export class UpdateGoalRequest extends NodeUpdateFields {}

export class UpdateObjectiveRequest extends NodeUpdateFields {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null clears it' })
  @IsOptional() @IsUUID()
  rpjmdObjectiveId?: string | null;
}

/** Programs, activities and sub-activities. */
export class UpdateSipdNodeRequest extends NodeUpdateFields {
  @ApiPropertyOptional({ nullable: true, type: String, description: `${SIPD_DOC}; null clears it` }) @IsOptional() @IsString() @Length(1, 60)
  sipdCode?: string | null;
}

export const PLAN_NODE_SORTABLE = ['code', 'name', 'order', 'createdAt'] as const;

class NodeListQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  strategicPlanId?: string;

  @ApiPropertyOptional({ description: 'an OPD id, or `null` for the RPJMD' })
  @IsOptional() @Transform(nullText) @IsUUID()
  opdId?: string | null;

  @ApiPropertyOptional({ description: 'exact code' }) @IsOptional() @IsString() @Length(1, 50)
  code?: string;

  @ApiPropertyOptional({ enum: sortOptions(PLAN_NODE_SORTABLE) })
  @IsOptional() @IsIn(sortOptions(PLAN_NODE_SORTABLE))
  declare sort?: string;
}

export class GoalListQuery extends NodeListQuery {}
export class ObjectiveListQuery extends NodeListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() goalId?: string;
}
export class ProgramListQuery extends NodeListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() objectiveId?: string;
}
export class ActivityListQuery extends NodeListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programId?: string;
}
export class SubActivityListQuery extends NodeListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() activityId?: string;
}

class PlanNodeViewBase {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLAN_LEVELS }) level: PlanLevel;
  @ApiProperty({ format: 'uuid' }) strategicPlanId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for goals' }) parentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'copied from the plan; null: RPJMD' }) opdId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() order: number;
  @ApiProperty({ nullable: true, type: String }) sipdCode: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class GoalView extends PlanNodeViewBase {}

export class ObjectiveView extends PlanNodeViewBase {
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) rpjmdObjectiveId: string | null;
}

export class ProgramView extends PlanNodeViewBase {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty({ nullable: true, type: String, example: '1' }) kodeUrusan: string | null;
  @ApiProperty({ nullable: true, type: String, example: '02' }) kodeBidang: string | null;
  @ApiProperty({ nullable: true, type: String, example: '02' }) kodeProgram: string | null;
}

export class ActivityView extends PlanNodeViewBase {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ nullable: true, type: String }) kodeUrusan: string | null;
  @ApiProperty({ nullable: true, type: String }) kodeBidang: string | null;
  @ApiProperty({ nullable: true, type: String }) kodeProgram: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2.01' }) kodeGiat: string | null;
}

export class SubActivityView extends PlanNodeViewBase {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ nullable: true, type: String }) kodeUrusan: string | null;
  @ApiProperty({ nullable: true, type: String }) kodeBidang: string | null;
  @ApiProperty({ nullable: true, type: String }) kodeProgram: string | null;
  @ApiProperty({ nullable: true, type: String }) kodeGiat: string | null;
  @ApiProperty({ nullable: true, type: String, example: '0001' }) kodeSubGiat: string | null;
}

/** Any level's view (the RPC answer; the gateway documents the level's own class). */
export type PlanNodeView = GoalView & Partial<ObjectiveView & ProgramView & ActivityView & SubActivityView>;

// ── RPC commands: one set of subjects for all five levels, the gateway adds `level` ──────────

export class PlanNodeIdRequest {
  @IsIn(PLAN_LEVELS) level: PlanLevel;
  @IsUUID() id: string;
}

export class DeletePlanNodeCommand extends PlanNodeIdRequest {
  @IsExpectedVersion() expectedVersion?: number;
}

/** The public create body of any level plus `level`; the service checks which fields the level takes. */
export class CreatePlanNodeCommand extends NodeFields {
  @IsIn(PLAN_LEVELS) level: PlanLevel;
  @IsOptional() @IsUUID() strategicPlanId?: string;
  @IsOptional() @IsUUID() goalId?: string;
  @IsOptional() @IsUUID() objectiveId?: string;
  @IsOptional() @IsUUID() programId?: string;
  @IsOptional() @IsUUID() activityId?: string;
  @IsOptional() @IsUUID() rpjmdObjectiveId?: string | null;
  @IsOptional() @IsString() @Length(1, 60) sipdCode?: string | null;
}

export class UpdatePlanNodeCommand extends NodeUpdateFields {
  @IsIn(PLAN_LEVELS) level: PlanLevel;
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
  @IsOptional() @IsUUID() rpjmdObjectiveId?: string | null;
  @IsOptional() @IsString() @Length(1, 60) sipdCode?: string | null;
}

export class PlanNodeListCommand extends NodeListQuery {
  @IsIn(PLAN_LEVELS) level: PlanLevel;
  @IsOptional() @IsUUID() goalId?: string;
  @IsOptional() @IsUUID() objectiveId?: string;
  @IsOptional() @IsUUID() programId?: string;
  @IsOptional() @IsUUID() activityId?: string;
}

// ── Tree: GET /strategic-plans/:id/tree ───────────────────────────────────────────────────────

export class SubActivityTreeNode extends SubActivityView {
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
}
export class ActivityTreeNode extends ActivityView {
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
  @ApiProperty({ type: [SubActivityTreeNode] }) subActivities: SubActivityTreeNode[];
}
export class ProgramTreeNode extends ProgramView {
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
  @ApiProperty({ type: [ActivityTreeNode] }) activities: ActivityTreeNode[];
}
export class ObjectiveTreeNode extends ObjectiveView {
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
  @ApiProperty({ type: [ProgramTreeNode] }) programs: ProgramTreeNode[];
}
export class GoalTreeNode extends GoalView {
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
  @ApiProperty({ type: [ObjectiveTreeNode] }) objectives: ObjectiveTreeNode[];
}
export class StrategicPlanTreeView extends StrategicPlanView {
  @ApiProperty({ type: [GoalTreeNode] }) goals: GoalTreeNode[];
}

import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActivityListQuery,
  ActivityView,
  CORE_SUBJECTS,
  CreateActivityRequest,
  CreateGoalRequest,
  CreateObjectiveRequest,
  CreateProgramRequest,
  CreateStrategicPlanRequest,
  CreateSubActivityRequest,
  GoalListQuery,
  GoalView,
  ObjectiveListQuery,
  ObjectiveView,
  ProgramListQuery,
  ProgramView,
  StrategicPlanListQuery,
  StrategicPlanTreeView,
  StrategicPlanView,
  SubActivityListQuery,
  SubActivityView,
  UpdateGoalRequest,
  UpdateObjectiveRequest,
  UpdateSipdNodeRequest,
  UpdateStrategicPlanRequest,
  versionFromIfMatch,
  type Page,
  type PlanLevel,
  type PlanNodeView,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' };

/** Renstra per OPD; `opdId: null` is the Pemda RPJMD (written by super_admin only, checked by the service). */
@ApiTags('Planning')
@ApiBearerAuth()
@Controller('strategic-plans')
export class StrategicPlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: StrategicPlanView })
  create(@Body() body: CreateStrategicPlanRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<StrategicPlanView>(CORE_SUBJECTS.strategicPlanCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [StrategicPlanView] })
  async list(@Query() query: StrategicPlanListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<StrategicPlanView>>(CORE_SUBJECTS.strategicPlanQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: StrategicPlanView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<StrategicPlanView>(CORE_SUBJECTS.strategicPlanGet, { id: p.id }, rpcOptions(req));
  }

  @Get(':id/tree')
  @Allow('plans.read')
  @ApiOperation({ summary: 'The plan with goals → objectives → programs → activities → subActivities, each with its indicators' })
  @ApiOkResponse({ type: StrategicPlanTreeView })
  tree(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<StrategicPlanTreeView>(CORE_SUBJECTS.strategicPlanTree, { id: p.id }, rpcOptions(req));
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: StrategicPlanView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateStrategicPlanRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<StrategicPlanView>(CORE_SUBJECTS.strategicPlanUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** 409 while goals remain (no cascade). */
  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.strategicPlanDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }
}

/**
 * The five node levels share the `core.plan_node.*` subjects; each route adds its `level`. The
 * handlers stay in the level's own class so every body and query is validated by its own DTO.
 */
abstract class PlanNodeRoutes {
  protected abstract readonly level: PlanLevel;
  // @Inject: the subclasses inherit this constructor, so its parameter must be named explicitly.
  constructor(@Inject(RpcClient) protected readonly rpc: RpcClient) {}

  protected createNode(body: object, req: AuthedRequest) {
    return this.rpc.request<PlanNodeView>(CORE_SUBJECTS.planNodeCreate, { ...body, level: this.level }, rpcOptions(req));
  }

  protected async listNodes(query: object, req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { ...query, level: this.level }, rpcOptions(req)));
  }

  protected getNode(id: string, req: AuthedRequest) {
    return this.rpc.request<PlanNodeView>(CORE_SUBJECTS.planNodeGet, { id, level: this.level }, rpcOptions(req));
  }

  protected updateNode(id: string, body: object, req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<PlanNodeView>(CORE_SUBJECTS.planNodeUpdate, { ...body, id, level: this.level, expectedVersion }, rpcOptions(req));
  }

  protected async deleteNode(id: string, req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.planNodeDelete, { id, level: this.level, expectedVersion }, rpcOptions(req));
  }
}

@ApiTags('Planning')
@ApiBearerAuth()
@Controller('goals')
export class GoalsController extends PlanNodeRoutes {
  protected readonly level = 'goal' as const;

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: GoalView })
  create(@Body() body: CreateGoalRequest, @Req() req: AuthedRequest) {
    return this.createNode(body, req);
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [GoalView] })
  list(@Query() query: GoalListQuery, @Req() req: AuthedRequest) {
    return this.listNodes(query, req);
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: GoalView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.getNode(p.id, req);
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: GoalView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateGoalRequest, @Req() req: AuthedRequest) {
    return this.updateNode(p.id, body, req);
  }

  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.deleteNode(p.id, req);
  }
}

@ApiTags('Planning')
@ApiBearerAuth()
@Controller('objectives')
export class ObjectivesController extends PlanNodeRoutes {
  protected readonly level = 'objective' as const;

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: ObjectiveView })
  create(@Body() body: CreateObjectiveRequest, @Req() req: AuthedRequest) {
    return this.createNode(body, req);
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [ObjectiveView] })
  list(@Query() query: ObjectiveListQuery, @Req() req: AuthedRequest) {
    return this.listNodes(query, req);
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: ObjectiveView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.getNode(p.id, req);
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: ObjectiveView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateObjectiveRequest, @Req() req: AuthedRequest) {
    return this.updateNode(p.id, body, req);
  }

  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.deleteNode(p.id, req);
  }
}

@ApiTags('Planning')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController extends PlanNodeRoutes {
  protected readonly level = 'program' as const;

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: ProgramView })
  create(@Body() body: CreateProgramRequest, @Req() req: AuthedRequest) {
    return this.createNode(body, req);
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [ProgramView] })
  list(@Query() query: ProgramListQuery, @Req() req: AuthedRequest) {
    return this.listNodes(query, req);
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: ProgramView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.getNode(p.id, req);
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: ProgramView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateSipdNodeRequest, @Req() req: AuthedRequest) {
    return this.updateNode(p.id, body, req);
  }

  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.deleteNode(p.id, req);
  }
}

@ApiTags('Planning')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController extends PlanNodeRoutes {
  protected readonly level = 'activity' as const;

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: ActivityView })
  create(@Body() body: CreateActivityRequest, @Req() req: AuthedRequest) {
    return this.createNode(body, req);
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [ActivityView] })
  list(@Query() query: ActivityListQuery, @Req() req: AuthedRequest) {
    return this.listNodes(query, req);
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: ActivityView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.getNode(p.id, req);
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: ActivityView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateSipdNodeRequest, @Req() req: AuthedRequest) {
    return this.updateNode(p.id, body, req);
  }

  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.deleteNode(p.id, req);
  }
}

@ApiTags('Planning')
@ApiBearerAuth()
@Controller('sub-activities')
export class SubActivitiesController extends PlanNodeRoutes {
  protected readonly level = 'sub_activity' as const;

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: SubActivityView })
  create(@Body() body: CreateSubActivityRequest, @Req() req: AuthedRequest) {
    return this.createNode(body, req);
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [SubActivityView] })
  list(@Query() query: SubActivityListQuery, @Req() req: AuthedRequest) {
    return this.listNodes(query, req);
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: SubActivityView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.getNode(p.id, req);
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: SubActivityView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateSipdNodeRequest, @Req() req: AuthedRequest) {
    return this.updateNode(p.id, body, req);
  }

  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.deleteNode(p.id, req);
  }
}

export const PLANNING_CONTROLLERS = [StrategicPlansController, GoalsController, ObjectivesController, ProgramsController, ActivitiesController, SubActivitiesController];

import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CORE_SUBJECTS,
  CreateIndicatorRequest,
  IndicatorListQuery,
  IndicatorView,
  PlanTargetsView,
  PutPlanTargetsRequest,
  PutTargetsRequest,
  TargetView,
  TargetYearQuery,
  UpdateIndicatorRequest,
  versionFromIfMatch,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' };

/** Indicators on planning nodes; those on RPJMD nodes are Pemda IKU (super_admin, checked by the service). */
@ApiTags('Indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('plans.write')
  @ApiCreatedResponse({ type: IndicatorView })
  create(@Body() body: CreateIndicatorRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<IndicatorView>(CORE_SUBJECTS.indicatorCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('plans.read')
  @ApiOkResponse({ type: [IndicatorView] })
  async list(@Query() query: IndicatorListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('plans.read')
  @ApiOkResponse({ type: IndicatorView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<IndicatorView>(CORE_SUBJECTS.indicatorGet, { id: p.id }, rpcOptions(req));
  }

  @Patch(':id')
  @Allow('plans.write')
  @ApiOkResponse({ type: IndicatorView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateIndicatorRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<IndicatorView>(CORE_SUBJECTS.indicatorUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** Its targets and plan targets go with it; 409 while achievements exist. */
  @Delete(':id')
  @Allow('plans.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.indicatorDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  @Get(':id/targets')
  @Allow('plans.read')
  @ApiOperation({ summary: "One year's target: annual plus the Rencana Aksi split (404 when none is set for that year)" })
  @ApiOkResponse({ type: TargetView })
  getTargets(@Param() p: IdParam, @Query() query: TargetYearQuery, @Req() req: AuthedRequest) {
    return this.rpc.request<TargetView>(CORE_SUBJECTS.targetGet, { id: p.id, year: query.year }, rpcOptions(req));
  }

  @Put(':id/targets')
  @Allow('plans.write')
  @ApiOperation({ summary: "Replaces one year's target and split; 409 when it changes a figure of a locked period (the annual: Y; a quarter: itself, its semester or Y; a month: any lock covering it)" })
  @ApiOkResponse({ type: TargetView })
  @ApiHeader(IF_MATCH)
  putTargets(@Param() p: IdParam, @Body() body: PutTargetsRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<TargetView>(CORE_SUBJECTS.targetPut, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  @Get(':id/plan-targets')
  @Allow('plans.read')
  @ApiOperation({ summary: 'The five-year (Renstra) targets, by year' })
  @ApiOkResponse({ type: PlanTargetsView })
  getPlanTargets(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<PlanTargetsView>(CORE_SUBJECTS.planTargetGet, { id: p.id }, rpcOptions(req));
  }

  @Put(':id/plan-targets')
  @Allow('plans.write')
  @ApiOperation({ summary: 'Replaces the five-year targets' })
  @ApiOkResponse({ type: PlanTargetsView })
  @ApiHeader(IF_MATCH)
  putPlanTargets(@Param() p: IdParam, @Body() body: PutPlanTargetsRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<PlanTargetsView>(CORE_SUBJECTS.planTargetPut, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }
}

import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  BudgetAllocationListQuery,
  BudgetAllocationView,
  BudgetRealizationListQuery,
  BudgetRealizationView,
  BudgetSummaryQuery,
  BudgetSummaryRowView,
  CORE_SUBJECTS,
  CreateBudgetAllocationRequest,
  CreateBudgetRealizationRequest,
  UpdateBudgetAllocationRequest,
  UpdateBudgetRealizationRequest,
  versionFromIfMatch,
  type BudgetSummaryPage,
  type BudgetSummaryTotalView,
  type ListMeta,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' };

/** Allocations (pagu) per node, year and revision: written by super_admin (and the SIPD sync), read by all. */
@ApiTags('Budget')
@ApiBearerAuth()
@Controller('budget-allocations')
export class BudgetAllocationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('budget.allocate')
  @ApiCreatedResponse({ type: BudgetAllocationView })
  create(@Body() body: CreateBudgetAllocationRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<BudgetAllocationView>(CORE_SUBJECTS.budgetAllocationCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('budget.read')
  @ApiOkResponse({ type: [BudgetAllocationView] })
  async list(@Query() query: BudgetAllocationListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<BudgetAllocationView>>(CORE_SUBJECTS.budgetAllocationQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('budget.read')
  @ApiOkResponse({ type: BudgetAllocationView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<BudgetAllocationView>(CORE_SUBJECTS.budgetAllocationGet, { id: p.id }, rpcOptions(req));
  }

  /** pagu and/or sipdCode; the source becomes manual. */
  @Patch(':id')
  @Allow('budget.allocate')
  @ApiOkResponse({ type: BudgetAllocationView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateBudgetAllocationRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<BudgetAllocationView>(CORE_SUBJECTS.budgetAllocationUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  @Delete(':id')
  @Allow('budget.allocate')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.budgetAllocationDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }
}

/** Monthly realizations per node: super_admin, or admin_opd in its own OPD; a locked month → 409. */
@ApiTags('Budget')
@ApiBearerAuth()
@Controller('budget-realizations')
export class BudgetRealizationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('budget.write')
  @ApiCreatedResponse({ type: BudgetRealizationView })
  create(@Body() body: CreateBudgetRealizationRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<BudgetRealizationView>(CORE_SUBJECTS.budgetRealizationCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('budget.read')
  @ApiOkResponse({ type: [BudgetRealizationView] })
  async list(@Query() query: BudgetRealizationListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<BudgetRealizationView>>(CORE_SUBJECTS.budgetRealizationQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('budget.read')
  @ApiOkResponse({ type: BudgetRealizationView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<BudgetRealizationView>(CORE_SUBJECTS.budgetRealizationGet, { id: p.id }, rpcOptions(req));
  }

  /** The amount only; the source becomes manual. */
  @Patch(':id')
  @Allow('budget.write')
  @ApiOkResponse({ type: BudgetRealizationView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateBudgetRealizationRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<BudgetRealizationView>(CORE_SUBJECTS.budgetRealizationUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  @Delete(':id')
  @Allow('budget.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.budgetRealizationDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }
}

/** A list page whose `meta` also carries the year, `month` (null when not given) and the totals per OPD and level of the whole filtered set. */
class BudgetSummaryPaged extends Paged<BudgetSummaryRowView> {
  constructor(private readonly summary: BudgetSummaryPage) {
    super(summary);
  }
  override get meta(): ListMeta & { year: number; month: number | null; totals: BudgetSummaryTotalView[] } {
    return { ...super.meta, year: this.summary.year, month: this.summary.month, totals: this.summary.totals };
  }
}

@ApiTags('Budget')
@ApiBearerAuth()
@Controller('budget')
export class BudgetSummaryController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Per node with an allocation or a realization in `year`: pagu of the latest revision, cumulative
   * realization, serapan, the node's capaian and the efficiency band; `meta.totals` per OPD and level.
   */
  @Get('summary')
  @Allow('budget.read')
  @ApiOkResponse({ type: [BudgetSummaryRowView] })
  async summary(@Query() query: BudgetSummaryQuery, @Req() req: AuthedRequest) {
    return new BudgetSummaryPaged(await this.rpc.request<BudgetSummaryPage>(CORE_SUBJECTS.budgetSummary, query, rpcOptions(req)));
  }
}

/** Every budget controller, for the core route list. */
export const BUDGET_CONTROLLERS = [BudgetAllocationsController, BudgetRealizationsController, BudgetSummaryController];

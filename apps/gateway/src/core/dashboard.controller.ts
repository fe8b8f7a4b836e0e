import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, DashboardSummaryQuery, DashboardSummaryView } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Read models (API.md "Core performance": `/dashboard/summary`). */
@ApiTags('Dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('summary')
  @Allow('performance.read')
  @ApiOperation({
    summary:
      'Indicator totals per category (year so far), OPD scores with the top and bottom 5, the Pemda index and RPJMD figure, overdue inputs and achievement counts; a caller bound to an OPD sees its own',
  })
  @ApiOkResponse({ type: DashboardSummaryView })
  summary(@Query() query: DashboardSummaryQuery, @Req() req: AuthedRequest) {
    return this.rpc.request<DashboardSummaryView>(CORE_SUBJECTS.dashboardSummary, query, rpcOptions(req));
  }
}

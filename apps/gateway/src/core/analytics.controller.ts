import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalyticsYearsQuery, CORE_SUBJECTS, IndicatorAnalyticsView, OpdAnalyticsView } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { IdParam } from '../http/id-param';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Read models (API.md "Core performance": `/analytics/indicators/:id`, `/analytics/opds/:id`). */
@ApiTags('Analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('indicators/:id')
  @Allow('performance.read')
  @ApiOperation({ summary: 'Per year: the trend (s.d. each period), the year so far, growth vs the previous year; the current year\'s linear projection and at-risk flag' })
  @ApiOkResponse({ type: IndicatorAnalyticsView })
  indicator(@Param() p: IdParam, @Query() query: AnalyticsYearsQuery, @Req() req: AuthedRequest) {
    return this.rpc.request<IndicatorAnalyticsView>(CORE_SUBJECTS.analyticsIndicator, { ...query, id: p.id }, rpcOptions(req));
  }

  @Get('opds/:id')
  @Allow('performance.read')
  @ApiOperation({ summary: 'The OPD\'s capaian per month (s.d.) and per year, growth, the current year\'s projection, at-risk flag and at-risk indicator count' })
  @ApiOkResponse({ type: OpdAnalyticsView })
  opd(@Param() p: IdParam, @Query() query: AnalyticsYearsQuery, @Req() req: AuthedRequest) {
    return this.rpc.request<OpdAnalyticsView>(CORE_SUBJECTS.analyticsOpd, { ...query, id: p.id }, rpcOptions(req));
  }
}

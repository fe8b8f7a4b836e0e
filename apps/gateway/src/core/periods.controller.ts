import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, LockPeriodRequest, PeriodKeyParams, PeriodListQuery, PeriodLockView, PeriodView, UpdatePeriodRequest, versionFromIfMatch } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read ("0" = never set); a stale one → 412' };

/** Input deadlines and period locks (API.md "Core performance": Periods). */
@ApiTags('Periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly rpc: RpcClient) {}

  /** All 19 periods of the year: deadline, lock (own or inherited) and overdue OPDs. */
  @Get()
  @Allow('periods.read')
  @ApiOkResponse({ type: [PeriodView] })
  list(@Query() query: PeriodListQuery, @Req() req: AuthedRequest) {
    return this.rpc.request<PeriodView[]>(CORE_SUBJECTS.periodList, query, rpcOptions(req));
  }

  @Put(':year/:period')
  @Allow('periods.manage')
  @ApiOkResponse({ type: PeriodView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: PeriodKeyParams, @Body() body: UpdatePeriodRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<PeriodView>(CORE_SUBJECTS.periodUpdate, { ...body, year: p.year, period: p.period, expectedVersion }, rpcOptions(req));
  }

  /** Locks the period and every period inside it; 409 while achievements are submitted/in revision unless `force`. */
  @Post(':year/:period/lock')
  @HttpCode(200)
  @Allow('periods.manage')
  @ApiOkResponse({ type: PeriodLockView })
  @ApiHeader(IF_MATCH)
  lock(@Param() p: PeriodKeyParams, @Body() body: LockPeriodRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<PeriodLockView>(CORE_SUBJECTS.periodLock, { ...body, year: p.year, period: p.period, expectedVersion }, rpcOptions(req));
  }
}

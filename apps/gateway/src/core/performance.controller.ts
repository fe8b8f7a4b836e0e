import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, PerformanceDataQuery, PerformanceRowView, type ListMeta, type PerformancePage } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** A list page whose `meta` also carries `scored` (rows with a capaian across the whole filtered set). */
class PerformancePaged extends Paged<PerformanceRowView> {
  constructor(private readonly performance: PerformancePage) {
    super(performance);
  }
  override get meta(): ListMeta & { scored: number } {
    return { ...super.meta, scored: this.performance.scored };
  }
}

/** Read models (API.md "Core performance": `/performance/data`). */
@ApiTags('Performance')
@ApiBearerAuth()
@Controller('performance')
export class PerformanceController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * One row per indicator, cumulative (s.d.) through `period` (default Y, the year so far: through
   * the latest entered period, `throughPeriod`); only reported achievements count unless
   * `includeDrafts=true`.
   */
  @Get('data')
  @Allow('performance.read')
  @ApiOkResponse({ type: [PerformanceRowView] })
  async data(@Query() query: PerformanceDataQuery, @Req() req: AuthedRequest) {
    return new PerformancePaged(await this.rpc.request<PerformancePage>(CORE_SUBJECTS.performanceData, query, rpcOptions(req)));
  }
}

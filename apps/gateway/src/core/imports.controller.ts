import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, CreateImportRequest, ImportAccepted, ImportRowsQuery, ImportRowView, ImportView, type Page } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Achievement import from an uploaded CSV/XLSX, run as a job (API.md "Core performance": Import). */
@ApiTags('Imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Queues the job; an identical request while it is queued or running returns the same job. */
  @Post('achievements')
  @HttpCode(202)
  @Allow('achievements.import')
  @ApiAcceptedResponse({ type: ImportAccepted })
  create(@Body() body: CreateImportRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<ImportAccepted>(CORE_SUBJECTS.importCreate, body, rpcOptions(req));
  }

  @Get(':id')
  @Allow('achievements.read')
  @ApiOkResponse({ type: ImportView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<ImportView>(CORE_SUBJECTS.importGet, { id: p.id }, rpcOptions(req));
  }

  /** Per-row results; `ok=false` lists the rejected rows with their reasons. */
  @Get(':id/rows')
  @Allow('achievements.read')
  @ApiOkResponse({ type: [ImportRowView] })
  async rows(@Param() p: IdParam, @Query() query: ImportRowsQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<ImportRowView>>(CORE_SUBJECTS.importRows, { ...query, id: p.id }, rpcOptions(req)));
  }
}

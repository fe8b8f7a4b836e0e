import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, CreateOpdRequest, OpdListQuery, OpdView, UpdateOpdRequest, versionFromIfMatch, type Page } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' };

/** OPDs (agencies): every role reads (a caller bound to an OPD sees only its own); super_admin manages. */
@ApiTags('OPDs')
@ApiBearerAuth()
@Controller('opds')
export class OpdsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('opds.manage')
  @ApiCreatedResponse({ type: OpdView })
  create(@Body() body: CreateOpdRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<OpdView>(CORE_SUBJECTS.opdCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('opds.read')
  @ApiOkResponse({ type: [OpdView] })
  async list(@Query() query: OpdListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<OpdView>>(CORE_SUBJECTS.opdQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('opds.read')
  @ApiOkResponse({ type: OpdView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<OpdView>(CORE_SUBJECTS.opdGet, { id: p.id }, rpcOptions(req));
  }

  @Patch(':id')
  @Allow('opds.manage')
  @ApiOkResponse({ type: OpdView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateOpdRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<OpdView>(CORE_SUBJECTS.opdUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** 409 while plans, indicators, achievements or active users refer to it (no cascade). */
  @Delete(':id')
  @Allow('opds.manage')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.opdDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateIntegrationRequest,
  INTEGRATION_SUBJECTS,
  IntegrationHealthView,
  IntegrationListQuery,
  IntegrationView,
  QuarantineListQuery,
  QuarantineView,
  SyncAccepted,
  SyncLogListQuery,
  SyncLogView,
  UpdateIntegrationRequest,
  versionFromIfMatch,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Integrations (API.md "Integrations"): SIPD and SIMPEG connectors run by integration-sync; super_admin only, never with a key. */
@ApiTags('Integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Allow('integrations.manage')
  @ApiOkResponse({ type: [IntegrationView] })
  async list(@Query() query: IntegrationListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<IntegrationView>>(INTEGRATION_SUBJECTS.list, query, rpcOptions(req)));
  }

  /** Credentials are stored encrypted and never returned (only their names). */
  @Post()
  @Allow('integrations.manage')
  @ApiCreatedResponse({ type: IntegrationView })
  create(@Body() body: CreateIntegrationRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<IntegrationView>(INTEGRATION_SUBJECTS.create, body, rpcOptions(req));
  }

  @Get(':id')
  @Allow('integrations.manage')
  @ApiOkResponse({ type: IntegrationView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<IntegrationView>(INTEGRATION_SUBJECTS.get, { id: p.id }, rpcOptions(req));
  }

  @Patch(':id')
  @Allow('integrations.manage')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' })
  @ApiOkResponse({ type: IntegrationView })
  update(@Param() p: IdParam, @Body() body: UpdateIntegrationRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<IntegrationView>(INTEGRATION_SUBJECTS.update, { ...body, id: p.id, expectedVersion: versionFromIfMatch(req.headers['if-match']) }, rpcOptions(req));
  }

  /** 409 while a sync is queued or running. */
  @Delete(':id')
  @NoContent()
  @Allow('integrations.manage')
  async remove(@Param() p: IdParam, @Req() req: AuthedRequest) {
    await this.rpc.request(INTEGRATION_SUBJECTS.delete, { id: p.id }, rpcOptions(req));
  }

  /** 202 with the sync log id; the sync already queued or running is returned instead of a second one. */
  @Post(':id/sync')
  @HttpCode(202)
  @Allow('integrations.manage')
  @ApiAcceptedResponse({ type: SyncAccepted })
  sync(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<SyncAccepted>(INTEGRATION_SUBJECTS.sync, { id: p.id }, rpcOptions(req));
  }

  @Get(':id/logs')
  @Allow('integrations.manage')
  @ApiOkResponse({ type: [SyncLogView] })
  async logs(@Param() p: IdParam, @Query() query: SyncLogListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<SyncLogView>>(INTEGRATION_SUBJECTS.logs, { ...query, id: p.id }, rpcOptions(req)));
  }

  @Get(':id/health')
  @Allow('integrations.manage')
  @ApiOkResponse({ type: IntegrationHealthView })
  health(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<IntegrationHealthView>(INTEGRATION_SUBJECTS.health, { id: p.id }, rpcOptions(req));
  }

  /** Rows the upstream sent that were refused, with the reasons (what is wrong as of the last complete run). */
  @Get(':id/quarantine')
  @Allow('integrations.manage')
  @ApiOkResponse({ type: [QuarantineView] })
  async quarantine(@Param() p: IdParam, @Query() query: QuarantineListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<QuarantineView>>(INTEGRATION_SUBJECTS.quarantine, { ...query, id: p.id }, rpcOptions(req)));
  }
}

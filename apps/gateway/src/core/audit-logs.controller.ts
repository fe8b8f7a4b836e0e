import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditLogQuery, AuditLogView, CORE_SUBJECTS, type Page } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** The audit rows of every service (super_admin), newest first. */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Allow('audit.read')
  @ApiOkResponse({ type: [AuditLogView] })
  async list(@Query() query: AuditLogQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<AuditLogView>>(CORE_SUBJECTS.auditQuery, query, rpcOptions(req)));
  }
}

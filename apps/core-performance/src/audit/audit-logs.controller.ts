import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuditLogQuery, CORE_SUBJECTS, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { QueryAuditLogs } from './use-cases/query-audit-logs.use-case';

@RpcController()
export class AuditLogsController {
  constructor(private readonly queryLogs: QueryAuditLogs) {}

  @MessagePattern(CORE_SUBJECTS.auditQuery)
  query(@Payload() q: AuditLogQuery, @Caller() caller: CallerIdentity | null) {
    return this.queryLogs.execute(caller, q);
  }
}

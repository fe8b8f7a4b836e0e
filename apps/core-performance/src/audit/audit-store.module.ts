import { Module } from '@nestjs/common';
import { AuditLogsController } from './audit-logs.controller';
import { AuditStoreConsumer } from './audit-store.consumer';
import { AuditStoreRepository } from './audit-store.repository';
import { QueryAuditLogs } from './use-cases/query-audit-logs.use-case';

/** The platform-wide audit store: fed by every `evt.*.audit.recorded.v1`, read by `GET /audit-logs`. */
@Module({
  controllers: [AuditLogsController],
  providers: [AuditStoreRepository, AuditStoreConsumer, QueryAuditLogs],
})
export class AuditStoreModule {}

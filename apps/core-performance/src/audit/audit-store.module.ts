import { Module } from '@nestjs/common';

/** Filled in by the audit feature. */
@Module({})
export class AuditStoreModule {}

import { Module } from '@nestjs/common';

/** Filled in by the analytics feature. */
@Module({})
export class AnalyticsModule {}

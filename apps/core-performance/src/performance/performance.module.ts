import { Module } from '@nestjs/common';

/** Filled in by the performance feature. */
@Module({})
export class PerformanceModule {}

import { Module } from '@nestjs/common';

/** Filled in by the periods feature. */
@Module({})
export class PeriodsModule {}

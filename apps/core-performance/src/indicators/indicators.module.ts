import { Module } from '@nestjs/common';

/** Filled in by the indicators feature. */
@Module({})
export class IndicatorsModule {}

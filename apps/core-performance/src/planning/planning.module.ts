import { Module } from '@nestjs/common';

/** Filled in by the planning feature. */
@Module({})
export class PlanningModule {}

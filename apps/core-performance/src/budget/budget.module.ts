import { Module } from '@nestjs/common';

/** Filled in by the budget feature. */
@Module({})
export class BudgetModule {}

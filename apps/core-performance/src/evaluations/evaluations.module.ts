import { Module } from '@nestjs/common';

/** Filled in by the evaluations feature. */
@Module({})
export class EvaluationsModule {}

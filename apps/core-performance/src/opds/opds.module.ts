import { Module } from '@nestjs/common';

/** Filled in by the opds feature. */
@Module({})
export class OpdsModule {}

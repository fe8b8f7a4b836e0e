import { Module } from '@nestjs/common';

/** Filled in by the achievements feature. */
@Module({})
export class AchievementsModule {}

import { Module } from '@nestjs/common';
import { FileReferencesModule } from '../files/file-references.module';
import { AchievementsController } from './achievements.controller';
import { AchievementsRepository } from './achievements.repository';
import { CreateAchievement } from './use-cases/create-achievement.use-case';
import { EditAchievement } from './use-cases/edit-achievement.use-case';
import { ReadAchievements } from './use-cases/read-achievements.use-case';
import { TransitionAchievement } from './use-cases/transition-achievement.use-case';

/** Realizations per indicator and period, and their verification workflow (DOMAIN.md "Achievement workflow"). */
@Module({
  imports: [FileReferencesModule],
  controllers: [AchievementsController],
  providers: [AchievementsRepository, ReadAchievements, CreateAchievement, EditAchievement, TransitionAchievement],
})
export class AchievementsModule {}

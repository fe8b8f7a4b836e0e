import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AchievementActionCommand,
  AchievementListQuery,
  CORE_SUBJECTS,
  CreateAchievementRequest,
  IdRequest,
  ReturnAchievementCommand,
  UpdateAchievementCommand,
  type CallerIdentity,
} from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { CreateAchievement } from './use-cases/create-achievement.use-case';
import { EditAchievement } from './use-cases/edit-achievement.use-case';
import { ReadAchievements } from './use-cases/read-achievements.use-case';
import { TransitionAchievement } from './use-cases/transition-achievement.use-case';

@RpcController()
export class AchievementsController {
  constructor(
    private readonly read: ReadAchievements,
    private readonly createAchievement: CreateAchievement,
    private readonly edit: EditAchievement,
    private readonly transitions: TransitionAchievement,
  ) {}

  @MessagePattern(CORE_SUBJECTS.achievementQuery)
  query(@Payload() q: AchievementListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.achievementGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.achievementHistory)
  history(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.history(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.achievementCreate)
  create(@Payload() req: CreateAchievementRequest, @Caller() caller: CallerIdentity | null) {
    return this.createAchievement.execute(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.achievementUpdate)
  update(@Payload() cmd: UpdateAchievementCommand, @Caller() caller: CallerIdentity | null) {
    return this.edit.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.achievementDelete)
  async delete(@Payload() cmd: AchievementActionCommand, @Caller() caller: CallerIdentity | null) {
    await this.edit.delete(caller, cmd);
    return null;
  }

  @MessagePattern(CORE_SUBJECTS.achievementSubmit)
  submit(@Payload() cmd: AchievementActionCommand, @Caller() caller: CallerIdentity | null) {
    return this.transitions.submit(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.achievementVerify)
  verify(@Payload() cmd: AchievementActionCommand, @Caller() caller: CallerIdentity | null) {
    return this.transitions.verify(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.achievementReturn)
  return(@Payload() cmd: ReturnAchievementCommand, @Caller() caller: CallerIdentity | null) {
    return this.transitions.return(caller, cmd);
  }
}

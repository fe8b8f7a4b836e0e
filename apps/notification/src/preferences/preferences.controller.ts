import { MessagePattern, Payload } from '@nestjs/microservices';
import { NOTIFICATION_SUBJECTS, UpdateNotificationPreferencesRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { GetPreferencesUseCase } from './use-cases/get-preferences.use-case';
import { UpdatePreferencesUseCase } from './use-cases/update-preferences.use-case';

@RpcController()
export class PreferencesController {
  constructor(
    private readonly getPreferences: GetPreferencesUseCase,
    private readonly updatePreferences: UpdatePreferencesUseCase,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.preferencesGet)
  get(@Caller() caller: CallerIdentity | null) {
    return this.getPreferences.execute(caller);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.preferencesUpdate)
  update(@Payload() dto: UpdateNotificationPreferencesRequest, @Caller() caller: CallerIdentity | null) {
    return this.updatePreferences.execute(dto, caller);
  }
}

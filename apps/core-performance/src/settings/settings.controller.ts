import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, UpdateSettingsCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { GetSettings } from './use-cases/get-settings.use-case';
import { UpdateSettings } from './use-cases/update-settings.use-case';

@RpcController()
export class SettingsController {
  constructor(
    private readonly getSettings: GetSettings,
    private readonly updateSettings: UpdateSettings,
  ) {}

  @MessagePattern(CORE_SUBJECTS.settingsGet)
  get(@Caller() caller: CallerIdentity | null) {
    return this.getSettings.execute(caller);
  }

  @MessagePattern(CORE_SUBJECTS.settingsUpdate)
  update(@Payload() cmd: UpdateSettingsCommand, @Caller() caller: CallerIdentity | null) {
    return this.updateSettings.execute(caller, cmd);
  }
}

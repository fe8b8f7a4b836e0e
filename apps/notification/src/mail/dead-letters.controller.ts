import { MessagePattern, Payload } from '@nestjs/microservices';
import { DeadLetterListQuery, NOTIFICATION_SUBJECTS, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ListDeadLettersUseCase } from './use-cases/list-dead-letters.use-case';

@RpcController()
export class DeadLettersController {
  constructor(private readonly listDeadLetters: ListDeadLettersUseCase) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.deadLetterList)
  list(@Payload() dto: DeadLetterListQuery, @Caller() caller: CallerIdentity | null) {
    return this.listDeadLetters.execute(dto, caller);
  }
}

import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailSendRequest, NOTIFICATION_SUBJECTS, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { SendDirectMail } from './send-direct-mail.use-case';

/** Direct RPC for mail content that must never ride in an event (ARCHITECTURE.md). */
@RpcController()
export class DirectMailController {
  constructor(private readonly send: SendDirectMail) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.mailSend)
  handle(@Payload() req: MailSendRequest, @Caller() caller: CallerIdentity | null) {
    return this.send.execute(req, caller);
  }
}

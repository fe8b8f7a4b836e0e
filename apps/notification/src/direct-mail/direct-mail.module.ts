import { Module } from '@nestjs/common';
import { DeliveriesRepository } from '../mail/deliveries.repository';
import { DirectMailController } from './direct-mail.controller';
import { SendDirectMail } from './send-direct-mail.use-case';

/** notification.mail.send.v1; the queued mail is sent by the e-mail DeliveryWorker. */
@Module({
  controllers: [DirectMailController],
  providers: [DeliveriesRepository, SendDirectMail],
})
export class DirectMailModule {}

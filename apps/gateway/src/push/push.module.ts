import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PushAdmission } from './push-admission';
import { PushController } from './push.controller';
import { PushHub } from './push-hub';
import { PushTickets } from './push-tickets';
import { WebSocketRoute } from './websocket.route';

/** Live push of notifications to browsers over WebSocket and SSE, fed by NATS from the notification service. */
@Module({
  imports: [IdentityModule],
  controllers: [PushController],
  providers: [PushTickets, PushHub, PushAdmission, WebSocketRoute],
  exports: [PushHub],
})
export class PushModule {}

import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { assertPermission } from '@sakip/security';
import type { FastifyReply } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { Allow } from '../http/allow.decorator';
import type { AuthedRequest } from '../http/request';
import { OptionalAuth } from '../identity/jwt-auth.guard';
import { PushAdmission, replayCursor } from './push-admission';
import { EventStreamConnection } from './push-connection';
import { PushHub } from './push-hub';
import { PushTickets, TICKET_TTL_SEC } from './push-tickets';

export class PushTicketView {
  @ApiProperty({ description: 'for GET /ws?ticket= (one use) or GET /stream/notifications?ticket= (reconnects for 10 min)' }) ticket: string;
  @ApiProperty({ description: 'seconds left to use it' }) expiresIn: number;
}

export class EventStreamQuery {
  @ApiPropertyOptional({ description: 'from POST /ws/ticket, for browsers (EventSource cannot send Authorization)' })
  @IsOptional() @IsString() @Length(20, 100)
  ticket?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'replay from here; the Last-Event-ID header does the same and wins' })
  @IsOptional() @IsUUID()
  lastEventId?: string;
}

/** Live notifications (API.md "Notifications"): tickets and the SSE stream; the WebSocket route is websocket.route.ts. */
@ApiTags('Notifications')
@ApiBearerAuth()
@Controller()
export class PushController {
  constructor(
    private readonly tickets: PushTickets,
    private readonly admission: PushAdmission,
    private readonly hub: PushHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('ws/ticket')
  @HttpCode(200)
  @Allow('notifications.read')
  @ApiOkResponse({ type: PushTicketView })
  async ticket(@Req() req: AuthedRequest): Promise<PushTicketView> {
    const me = assertPermission(req.user, 'notifications.read');
    return { ticket: await this.tickets.issue(me), expiresIn: TICKET_TTL_SEC };
  }

  /** Server-sent events: `id:` is the notification id, `event: notification`, `data:` its JSON; comments as heartbeats. */
  @Get('stream/notifications')
  @OptionalAuth()
  @ApiProduces('text/event-stream')
  async stream(@Query() query: EventStreamQuery, @Req() req: AuthedRequest, @Res() reply: FastifyReply): Promise<void> {
    const identity = await this.admission.eventStream(req.user, query.ticket);
    // From here on the response is ours: headers set so far (CORS, security, rate limit) go out with it.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const connection = new EventStreamConnection(identity.sub, this.config.PUSH_MAX_BUFFER_BYTES, res);
    req.raw.on('close', () => {
      connection.closed = true;
      this.hub.detach(connection);
    });
    await this.hub.attach(identity, connection, replayCursor(req.headers['last-event-id']) ?? query.lastEventId, String(req.id));
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { API_PREFIX } from '../http/api-prefix';
import { replayCursor, PushAdmission } from './push-admission';
import { WebSocketConnection } from './push-connection';
import { sendEnvelopeError } from './push-errors';
import { PushHub } from './push-hub';

interface UpgradeRoute {
  Querystring: { ticket?: string; lastEventId?: string };
}
type UpgradeRequest = FastifyRequest<UpgradeRoute> & { pushIdentity?: CallerIdentity };

/**
 * `GET /api/v1/ws?ticket=` (API.md): a plain Fastify route, since Nest's HTTP pipeline does not
 * speak WebSocket. The ticket is checked before the upgrade, so a refusal is an ordinary HTTP
 * error envelope; after it, the socket only receives `{id, type, data, createdAt, …}` frames.
 */
@Injectable()
export class WebSocketRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly admission: PushAdmission,
    private readonly hub: PushHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.route<UpgradeRoute>({
      method: 'GET',
      url: `/${API_PREFIX}/ws`,
      preValidation: async (req: UpgradeRequest, reply) => {
        try {
          req.pushIdentity = await this.admission.webSocket(req.query.ticket);
        } catch (err) {
          return sendEnvelopeError(req, reply, err);
        }
      },
      handler: async (req, reply) =>
        sendEnvelopeError(req, reply, new DomainError(ErrorCode.ValidationFailed, 'This route is a WebSocket: send Upgrade: websocket', [{ field: 'upgrade', message: 'websocket required' }])),
      wsHandler: (socket: WebSocket, req: UpgradeRequest) => this.open(socket, req),
    });
  }

  private open(socket: WebSocket, req: UpgradeRequest): void {
    const identity = req.pushIdentity;
    if (!identity) return socket.close(1008, 'not admitted');
    const connection = new WebSocketConnection(identity.sub, this.config.PUSH_MAX_BUFFER_BYTES, socket);
    socket.on('close', () => {
      connection.closed = true;
      this.hub.detach(connection);
    });
    socket.on('error', (err) => this.logger.debug({ err: err.message, userId: identity.sub }, 'websocket error'));
    this.hub.attach(identity, connection, replayCursor(req.query.lastEventId), String(req.id)).catch((err: Error) => this.logger.warn({ err: err.message }, 'websocket attach failed'));
  }
}

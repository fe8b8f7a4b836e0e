import { DomainError, ErrorCode, HTTP_STATUS_OF, type ErrorEnvelope } from '@sakip/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The error envelope for routes Nest does not own (the WebSocket upgrade), as EnvelopeErrorFilter writes it. */
export function sendEnvelopeError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const e = err instanceof DomainError ? err : new DomainError(ErrorCode.Internal, 'Internal error');
  const envelope: ErrorEnvelope = { ok: false, error: { ...e.toBody(), requestId: String(req.id) } };
  return reply.status(HTTP_STATUS_OF[e.code]).headers(e.headers).type('application/json; charset=utf-8').send(envelope);
}

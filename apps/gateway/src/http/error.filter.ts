import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, ERROR_CODE_OF_STATUS, ErrorCode, HTTP_STATUS_OF, type ErrorBody, type ErrorEnvelope } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Fastify's own errors (body parsing, limits) carry a code; give them messages a client can act on. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The JSON body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type: send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

/**
 * The single place where anything thrown during a request becomes the error envelope. Unknown
 * errors are logged with their stack and answered as INTERNAL with no internals.
 */
@Catch()
export class EnvelopeErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers } = this.toBody(exception, req);
    const envelope: ErrorEnvelope = { ok: false, error: { ...body, requestId: String(req.id) } };
    if (reply.sent) return;
    reply.status(HTTP_STATUS_OF[body.code]).headers(headers).type('application/json; charset=utf-8').send(envelope);
  }

  private toBody(exception: unknown, req: FastifyRequest): { body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof DomainError) return { body: exception.toBody(), headers: exception.headers };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = ERROR_CODE_OF_STATUS[status];
      if (status === 404) return { body: { code: ErrorCode.NotFound, message: `No route for ${req.method} ${req.url.split('?')[0]}`, details: [] }, headers: {} };
      if (code) return { body: { code, message: exception.message, details: [] }, headers: {} };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500 && ERROR_CODE_OF_STATUS[fastifyError.statusCode]) {
      const message = (fastifyError.code && FASTIFY_MESSAGES[fastifyError.code]) ?? fastifyError.message ?? 'Bad request';
      return { body: { code: ERROR_CODE_OF_STATUS[fastifyError.statusCode], message, details: [] }, headers: {} };
    }
    this.logger.error({ err: exception, requestId: req.id, route: req.url }, 'unhandled error');
    return { body: { code: ErrorCode.Internal, message: 'Internal error', details: [] }, headers: {} };
  }
}

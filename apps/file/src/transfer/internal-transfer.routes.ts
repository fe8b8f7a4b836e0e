import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode, HTTP_STATUS_OF } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from './file-name';
import { StoreUploadUseCase } from './store-upload.use-case';
import { StreamDownloadUseCase } from './stream-download.use-case';
import { TransferTokens, type TokenRefusal } from './transfer-token';

/**
 * The internal HTTP API that carries file bytes (ARCHITECTURE.md "Bytes do not travel over NATS"),
 * on the same server as /health and /metrics; never exposed outside the cluster (NetworkPolicy).
 * Every request carries a grant minted over RPC; an expired, tampered or wrong-purpose one → 401.
 * Plain Fastify routes: the token is a wildcard segment because grants are longer than Fastify's
 * 100-character limit on a `:param`, and the upload body must stay an unparsed stream.
 */
@Injectable()
export class InternalTransferRoutes implements OnModuleInit {
  constructor(
    private readonly tokens: TransferTokens,
    private readonly store: StoreUploadUseCase,
    private readonly download: StreamDownloadUseCase,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      // Upload bodies are streams of any type: left unparsed, the pipeline reads the raw request.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      scope.put('/internal/uploads/*', (req, reply) => this.upload(tokenOf(req), req, reply));
      scope.get('/internal/downloads/*', (req, reply) => this.get(tokenOf(req), reply));
    });
  }

  async upload(token: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      const v = this.tokens.verify(token, 'upload');
      if (!v.ok) throw this.refused(v.reason);
      const view = await this.store.execute(v.grant, req.raw);
      await reply.status(201).header('content-type', 'application/json').send({ ok: true, data: view });
    } catch (err) {
      await this.fail(reply, err, true);
    }
  }

  async get(token: string, reply: FastifyReply): Promise<void> {
    try {
      const v = this.tokens.verify(token, 'download');
      if (!v.ok) throw this.refused(v.reason);
      const { row, body } = await this.download.execute(v.grant);
      await reply
        .status(200)
        .header('content-type', row.mime_type)
        .header('content-length', row.size_bytes)
        .header('content-disposition', contentDisposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('x-file-sha256', row.sha256)
        .send(body);
    } catch (err) {
      await this.fail(reply, err, false);
    }
  }

  private refused(reason: TokenRefusal): DomainError {
    this.logger.info({ reason }, 'transfer token refused');
    return new DomainError(ErrorCode.Unauthenticated, reason === 'expired' ? 'The transfer grant has expired' : 'Invalid transfer grant');
  }

  private async fail(reply: FastifyReply, err: unknown, upload: boolean): Promise<void> {
    const domain = err instanceof DomainError ? err : null;
    if (!domain) this.logger.error({ err }, upload ? 'upload failed' : 'download failed');
    const body = domain ? domain.toBody() : { code: ErrorCode.Internal, message: 'Internal error', details: [] };
    // A refused upload may still be arriving: answer, and close the connection rather than read the rest.
    if (upload) reply.header('connection', 'close');
    await reply.status(HTTP_STATUS_OF[body.code]).header('content-type', 'application/json').send({ ok: false, error: body });
  }
}

function tokenOf(req: FastifyRequest): string {
  return (req.params as { '*'?: string })['*'] ?? '';
}

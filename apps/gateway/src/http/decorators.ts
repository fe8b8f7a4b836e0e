import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiNoContentResponse } from '@nestjs/swagger';

export { RAW_RESPONSE, RawResponse } from '@sakip/observability';
export const NO_CONTENT = 'sakip:no-content';

/** 204 with no body (logout, delete). */
export const NoContent = () => applyDecorators(HttpCode(204), SetMetadata(NO_CONTENT, true), ApiNoContentResponse());

/** Per-route RPC timeout (default RPC_TIMEOUT_MS), e.g. for calls known to run long. */
export const RpcTimeout = (ms: number) => RouteConfig({ rpcTimeoutMs: ms });

/** The route takes `multipart/form-data` (uploads); every other route answers such a body with 415. */
export const AcceptsMultipart = () => RouteConfig({ multipart: true });

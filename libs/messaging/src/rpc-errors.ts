import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError, ErrorCode, isErrorCode, type ErrorBody, type RpcErrorBody } from '@sakip/contracts';

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  412: ErrorCode.PreconditionFailed,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.UpstreamUnavailable,
  504: ErrorCode.UpstreamTimeout,
};

/** Turns anything a handler threw into the error body; unknown errors become INTERNAL with no internals leaked. */
export function toErrorBody(err: unknown): { body: RpcErrorBody; unexpected: boolean } {
  if (err instanceof DomainError) return { body: err.toRpcBody(), unexpected: false };
  if (err instanceof RpcException) {
    const inner = err.getError() as Partial<ErrorBody> | string;
    if (typeof inner === 'object' && isErrorCode(inner.code)) return { body: DomainError.fromBody(inner as ErrorBody).toBody(), unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = STATUS_TO_CODE[status];
    if (code) return { body: { code, message: err.message, details: [] }, unexpected: false };
  }
  return { body: { code: ErrorCode.Internal, message: 'Internal error', details: [] }, unexpected: true };
}

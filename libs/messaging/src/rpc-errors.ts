import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError, ERROR_CODE_OF_STATUS, ErrorCode, isErrorCode, type ErrorBody, type RpcErrorBody } from '@sakip/contracts';

/** Turns anything a handler threw into the error body; unknown errors become INTERNAL with no internals leaked. */
export function toErrorBody(err: unknown): { body: RpcErrorBody; unexpected: boolean } {
  if (err instanceof DomainError) return { body: err.toRpcBody(), unexpected: false };
  if (err instanceof RpcException) {
    const inner = err.getError() as Partial<ErrorBody> | string;
    if (typeof inner === 'object' && isErrorCode(inner.code)) return { body: DomainError.fromBody(inner as ErrorBody).toBody(), unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = ERROR_CODE_OF_STATUS[status];
    if (code) return { body: { code, message: err.message, details: [] }, unexpected: false };
  }
  return { body: { code: ErrorCode.Internal, message: 'Internal error', details: [] }, unexpected: true };
}

/** Stable error codes of the public contract (API.md "Envelope"). Services throw meaning, the edge maps status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidState = 'INVALID_STATE',
  PreconditionFailed = 'PRECONDITION_FAILED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  UpstreamTimeout = 'UPSTREAM_TIMEOUT',
  Internal = 'INTERNAL',
}

/** A Record over the enum: adding a code without a status fails to compile. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidState]: 409,
  [ErrorCode.PreconditionFailed]: 412,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.UpstreamUnavailable]: 503,
  [ErrorCode.UpstreamTimeout]: 504,
  [ErrorCode.Internal]: 500,
};

/** The reverse mapping for errors that arrive as HTTP statuses (framework exceptions, Fastify errors). */
export const ERROR_CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  412: ErrorCode.PreconditionFailed,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.UpstreamUnavailable,
  504: ErrorCode.UpstreamTimeout,
};

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** The error body as it travels: in an RPC reply and, plus requestId, in the HTTP envelope. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

export interface RpcErrorBody extends ErrorBody {
  headers?: Record<string, string>;
}

export const rateLimited = (message: string, retryAfterSec: number) =>
  new DomainError(ErrorCode.RateLimited, message, [], { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSec))) });

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra response headers the edge should set (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }

  /** The body plus response headers, as it crosses an RPC hop (the edge sets the headers, not the JSON). */
  toRpcBody(): RpcErrorBody {
    return Object.keys(this.headers).length ? { ...this.toBody(), headers: this.headers } : this.toBody();
  }

  static fromBody(body: RpcErrorBody): DomainError {
    const code = isErrorCode(body?.code) ? body.code : ErrorCode.Internal;
    const headers = body?.headers && typeof body.headers === 'object' ? body.headers : {};
    return new DomainError(code, String(body?.message ?? 'Internal error'), Array.isArray(body?.details) ? body.details : [], headers);
  }
}

export const notFound = (what = 'Resource') => new DomainError(ErrorCode.NotFound, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.Forbidden, message);
export const conflict = (message: string, details: ErrorDetail[] = []) => new DomainError(ErrorCode.Conflict, message, details);
export const unauthenticated = (message = 'Invalid credentials') => new DomainError(ErrorCode.Unauthenticated, message);
export const validationFailed = (message: string, details: ErrorDetail[] = []) =>
  new DomainError(ErrorCode.ValidationFailed, message, details);

import { DomainError, ErrorCode, HTTP_STATUS_OF, isErrorCode, validationFailed, type ErrorBody } from './errors';

/** API.md "Envelope": the public code → status table. */
const API_MD_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};

describe('error codes', () => {
  it('are exactly the codes API.md documents', () => {
    expect([...Object.values(ErrorCode)].sort()).toEqual(Object.keys(API_MD_STATUS).sort());
  });

  it.each(Object.values(ErrorCode))('%s has an HTTP error status', (code) => {
    const status = HTTP_STATUS_OF[code];
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('map to the statuses of API.md', () => {
    const actual = Object.fromEntries(Object.values(ErrorCode).map((c) => [c, HTTP_STATUS_OF[c]]));
    expect(actual).toEqual(API_MD_STATUS);
  });

  it('isErrorCode accepts only known codes', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('not_found')).toBe(false);
    expect(isErrorCode('TEAPOT')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});

describe('DomainError', () => {
  it('round-trips through its body', () => {
    const original = validationFailed('Bad input', [{ field: 'email', message: 'must be an email' }]);
    const copy = DomainError.fromBody(JSON.parse(JSON.stringify(original.toBody())));

    expect(copy).toBeInstanceOf(DomainError);
    expect(copy).toBeInstanceOf(Error);
    expect(copy.code).toBe(ErrorCode.ValidationFailed);
    expect(copy.message).toBe('Bad input');
    expect(copy.details).toEqual([{ field: 'email', message: 'must be an email' }]);
  });

  it('turns an unknown code from the wire into INTERNAL', () => {
    const err = DomainError.fromBody({ code: 'TEAPOT', message: 'short and stout', details: [] } as unknown as ErrorBody);

    expect(err.code).toBe(ErrorCode.Internal);
    expect(HTTP_STATUS_OF[err.code]).toBe(500);
  });

  it('survives a malformed body', () => {
    const err = DomainError.fromBody({ code: ErrorCode.NotFound, details: 'nope' } as unknown as ErrorBody);
    expect(err.code).toBe(ErrorCode.NotFound);
    expect(err.message).toBe('Internal error');
    expect(err.details).toEqual([]);

    const fromNull = DomainError.fromBody(null as unknown as ErrorBody);
    expect(fromNull.code).toBe(ErrorCode.Internal);
    expect(fromNull.details).toEqual([]);
  });

  it('toBody carries code, message and details but not headers', () => {
    const err = new DomainError(ErrorCode.RateLimited, 'Slow down', [{ message: 'try later' }], { 'Retry-After': '30' });

    expect(err.toBody()).toEqual({ code: 'RATE_LIMITED', message: 'Slow down', details: [{ message: 'try later' }] });
    expect(err.headers).toEqual({ 'Retry-After': '30' });
    expect(err.name).toBe('DomainError');
  });
});

import { DomainError, ErrorCode, HEADER_IDENTITY, HEADER_REQUEST_ID, Role, type CallerIdentity } from '@sakip/contracts';
import { Metrics, runWithRequestContext, type Logger } from '@sakip/observability';
import { JSONCodec, type MsgHdrs, type NatsConnection, type RequestOptions } from 'nats';
import { RpcClient } from './rpc-client';

const codec = JSONCodec<unknown>();
const PREFIX = 'run1.';
const BREAKER = { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeout: 60_000 };

const natsError = (code: string, message = code) => Object.assign(new Error(message), { code });
const reply = (frame: unknown) => ({ data: codec.encode(frame) });
const okReply = (data: unknown) => reply({ ok: true, data });
const notFoundReply = () => reply({ ok: false, error: { code: 'NOT_FOUND', message: 'User not found', details: [{ field: 'id', message: 'unknown' }] } });

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('RpcClient', () => {
  let request: jest.Mock<Promise<{ data: Uint8Array }>, [string, Uint8Array, RequestOptions]>;
  let logger: { info: jest.Mock; warn: jest.Mock; error: jest.Mock };
  let metrics: Metrics;
  let client: RpcClient;

  beforeEach(() => {
    request = jest.fn();
    logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    metrics = new Metrics('test', false);
    client = new RpcClient({
      connection: { request } as unknown as NatsConnection,
      prefix: PREFIX,
      defaultTimeoutMs: 1500,
      logger: logger as unknown as Logger,
      metrics,
      breaker: BREAKER,
    });
  });

  afterEach(() => client.shutdown());

  const headersOfCall = (n = 0) => request.mock.calls[n]![2].headers as MsgHdrs;

  describe('a successful call', () => {
    it('sends the encoded payload to the prefixed subject and returns the reply data', async () => {
      request.mockResolvedValue(okReply({ id: 'u1' }));

      await expect(client.request('auth.user.get.v1', { id: 'u1' })).resolves.toEqual({ id: 'u1' });

      expect(request).toHaveBeenCalledTimes(1);
      const [subject, payload, opts] = request.mock.calls[0]!;
      expect(subject).toBe('run1.auth.user.get.v1');
      expect(codec.decode(payload)).toEqual({ id: 'u1' });
      expect(opts.timeout).toBe(1500);
    });

    it('sends an empty object for a missing payload and honours a per-call timeout', async () => {
      request.mockResolvedValue(okReply(null));

      await client.request('auth.jwks.get.v1', undefined, { timeoutMs: 200 });

      expect(codec.decode(request.mock.calls[0]![1])).toEqual({});
      expect(request.mock.calls[0]![2].timeout).toBe(200);
    });
  });

  describe('headers', () => {
    const identity: CallerIdentity = { sub: 'u1', role: Role.AdminOpd, opdId: 'opd-1', actor: 'user:u1' };

    it('carry the given request id and the caller identity', async () => {
      request.mockResolvedValue(okReply(null));

      await client.request('auth.user.me.v1', {}, { requestId: 'req-123', identity });

      const h = headersOfCall();
      expect(h.get(HEADER_REQUEST_ID)).toBe('req-123');
      expect(JSON.parse(h.get(HEADER_IDENTITY))).toEqual(identity);
    });

    it('take the request id of the current request context', async () => {
      request.mockResolvedValue(okReply(null));

      await runWithRequestContext({ requestId: 'ctx-req-9' }, () => client.request('auth.user.me.v1', {}));

      expect(headersOfCall().get(HEADER_REQUEST_ID)).toBe('ctx-req-9');
    });

    it('get a fresh request id and no identity for a service call outside any request', async () => {
      request.mockResolvedValue(okReply(null));

      await client.request('auth.jwks.get.v1', {});
      await client.request('auth.jwks.get.v1', {});

      const [first, second] = [headersOfCall(0).get(HEADER_REQUEST_ID), headersOfCall(1).get(HEADER_REQUEST_ID)];
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).not.toBe(first);
      expect(headersOfCall(0).has(HEADER_IDENTITY)).toBe(false);
    });
  });

  describe('error mapping', () => {
    it('maps no responders to UPSTREAM_UNAVAILABLE naming the service', async () => {
      request.mockRejectedValue(natsError('503'));

      const err = await rejection(client.request('auth.user.get.v1', {}));

      expect(err.code).toBe(ErrorCode.UpstreamUnavailable);
      expect(err.message).toContain('auth');
    });

    it('maps a NATS timeout to UPSTREAM_TIMEOUT', async () => {
      request.mockRejectedValue(natsError('TIMEOUT'));

      expect((await rejection(client.request('auth.user.get.v1', {}))).code).toBe(ErrorCode.UpstreamTimeout);
    });

    it.each(['DISCONNECT', 'CONNECTION_CLOSED'])('maps a %s connection error to UPSTREAM_UNAVAILABLE', async (code) => {
      request.mockRejectedValue(natsError(code));

      expect((await rejection(client.request('auth.user.get.v1', {}))).code).toBe(ErrorCode.UpstreamUnavailable);
      expect(logger.error).not.toHaveBeenCalled();
    });

    it('maps an unknown transport failure to UPSTREAM_UNAVAILABLE and logs it', async () => {
      request.mockRejectedValue(new Error('socket exploded'));

      const err = await rejection(client.request('auth.user.get.v1', {}));

      expect(err.code).toBe(ErrorCode.UpstreamUnavailable);
      expect(err.message).not.toContain('socket exploded');
      expect(logger.error).toHaveBeenCalledTimes(1);
    });

    it('rethrows the remote domain error with its code, message and details', async () => {
      request.mockResolvedValue(notFoundReply());

      const err = await rejection(client.request('auth.user.get.v1', { id: 'x' }));

      expect(err.code).toBe(ErrorCode.NotFound);
      expect(err.message).toBe('User not found');
      expect(err.details).toEqual([{ field: 'id', message: 'unknown' }]);
    });

    it('turns a remote error with an unknown code into INTERNAL', async () => {
      request.mockResolvedValue(reply({ ok: false, error: { code: 'TEAPOT', message: 'short and stout', details: [] } }));

      expect((await rejection(client.request('auth.user.get.v1', {}))).code).toBe(ErrorCode.Internal);
    });
  });

  describe('circuit breaker', () => {
    it('stays closed on remote domain errors: the service answered', async () => {
      request.mockResolvedValue(notFoundReply());

      for (let i = 0; i < 6; i++) expect((await rejection(client.request('auth.user.get.v1', {}))).code).toBe(ErrorCode.NotFound);

      expect(client.breakerStates()).toEqual({ auth: 'closed' });
      expect(request).toHaveBeenCalledTimes(6);
    });

    it('opens after volumeThreshold no-responders, then fails fast without calling NATS', async () => {
      request.mockRejectedValue(natsError('503'));

      await rejection(client.request('auth.user.get.v1', {}));
      expect(client.breakerStates()).toEqual({ auth: 'closed' });
      await rejection(client.request('auth.user.get.v1', {}));
      expect(client.breakerStates()).toEqual({ auth: 'open' });
      expect(logger.warn).toHaveBeenCalledWith({ downstream: 'auth' }, 'circuit breaker opened');

      request.mockResolvedValue(okReply({ fine: true }));
      const err = await rejection(client.request('auth.user.me.v1', {}));

      expect(err.code).toBe(ErrorCode.UpstreamUnavailable);
      expect(err.message).toContain('auth');
      expect(request).toHaveBeenCalledTimes(2);
    });

    it('keeps one breaker per downstream service', async () => {
      request.mockRejectedValue(natsError('503'));
      await rejection(client.request('auth.user.get.v1', {}));
      await rejection(client.request('auth.user.get.v1', {}));

      request.mockResolvedValue(okReply('ok'));
      await expect(client.request('core.indicator.get.v1', {})).resolves.toBe('ok');

      expect(client.breakerStates()).toEqual({ auth: 'open', core: 'closed' });
    });

    it('also opens on repeated timeouts', async () => {
      request.mockRejectedValue(natsError('TIMEOUT'));
      await rejection(client.request('auth.user.get.v1', {}));
      await rejection(client.request('auth.user.get.v1', {}));

      expect(client.breakerStates()).toEqual({ auth: 'open' });
    });

    // A subject without a dot is its own downstream name (it once lost its last character).
    it('names the breaker after a subject without a dot correctly', async () => {
      request.mockResolvedValue(okReply(null));
      await client.request('auth', {});

      expect(client.breakerStates()).toEqual({ auth: 'closed' });
    });

    it('forgets its breakers on shutdown', async () => {
      request.mockResolvedValue(okReply(null));
      await client.request('auth.user.get.v1', {});

      client.shutdown();

      expect(client.breakerStates()).toEqual({});
    });
  });

  it('records the outcome of every call in the client-side RPC histogram', async () => {
    request.mockResolvedValueOnce(okReply(1)).mockResolvedValueOnce(notFoundReply()).mockRejectedValueOnce(natsError('TIMEOUT'));
    await client.request('auth.user.get.v1', {});
    await rejection(client.request('auth.user.get.v1', {}));
    await rejection(client.request('auth.user.get.v1', {}));

    const counts = (await metrics.rpcDuration.get()).values
      .filter((v) => v.metricName === 'rpc_duration_seconds_count')
      .map((v) => [v.labels['outcome'], v.labels['side'], v.labels['subject'], v.value]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ['ok', 'client', 'auth.user.get.v1', 1],
        ['NOT_FOUND', 'client', 'auth.user.get.v1', 1],
        ['UPSTREAM_TIMEOUT', 'client', 'auth.user.get.v1', 1],
      ]),
    );
    expect(counts).toHaveLength(3);
  });
});

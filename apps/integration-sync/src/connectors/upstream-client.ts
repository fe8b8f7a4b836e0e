import { jitteredBackoffMs } from '@sakip/messaging';
import type CircuitBreaker from 'opossum';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, literalAddressAllowed, type AllowedHosts } from '../integrations/base-url-guard';

/** A page of upstream JSON larger than this is refused (a misbehaving upstream must not exhaust memory). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Why an upstream call failed; `retryable` says whether trying again may help. */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface UpstreamClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  allowed: AllowedHosts;
  /** This integration's breaker, shared by its runs on this replica. */
  breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new UpstreamError('stopped', true));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(new UpstreamError('stopped', true))), { once: true });
  });

/**
 * GETs JSON from an upstream with a timeout per request, retries with jittered exponential back-off
 * on timeouts, connection errors, 5xx and 429 (honouring Retry-After), and the integration's circuit
 * breaker around every attempt: an upstream that keeps failing is not called at all for a while.
 * Connections only go to public addresses unless the host is allow-listed (checked at connect time).
 */
export class UpstreamClient {
  constructor(private readonly o: UpstreamClientOptions) {}

  async getJson(path: string, query: Record<string, string | number | undefined> = {}): Promise<unknown> {
    const url = new URL(path.replace(/^\//, ''), this.o.baseUrl.endsWith('/') ? this.o.baseUrl : `${this.o.baseUrl}/`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.o.breaker.fire(() => this.once(url));
      } catch (err) {
        const e = asUpstreamError(err);
        if (!e.retryable || attempt > this.o.retries || this.o.signal?.aborted) throw e;
        await sleep(e.retryAfterMs ?? jitteredBackoffMs(attempt, this.o.retryBaseMs, 30_000), this.o.signal);
      }
    }
  }

  private once(url: URL): Promise<unknown> {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    if (!literalAddressAllowed(url.hostname, port, this.o.allowed)) return Promise.reject(new UpstreamError(`refused to connect to ${url.hostname}: not a public address`, false));
    return new Promise((resolve, reject) => {
      const req = send(url, { method: 'GET', headers: { accept: 'application/json', ...this.o.headers }, lookup: guardedLookup(this.o.allowed, port), signal: this.o.signal }, (res) =>
        readJson(res).then(resolve, reject),
      );
      req.setTimeout(this.o.timeoutMs, () => req.destroy(new UpstreamError(`no answer within ${this.o.timeoutMs} ms`, true)));
      req.on('error', (err) => reject(asUpstreamError(err)));
      req.end();
    });
  }
}

function asUpstreamError(err: unknown): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const e = err as { code?: string; message?: string };
  if (e?.code === 'EOPENBREAKER') return new UpstreamError('upstream unavailable: circuit breaker open after repeated failures', false);
  if (e?.code === 'EADDRNOTALLOWED') return new UpstreamError(e.message ?? 'address not allowed', false);
  return new UpstreamError(`connection failed: ${e?.code ?? e?.message ?? String(err)}`, true);
}

async function readJson(res: IncomingMessage): Promise<unknown> {
  const status = res.statusCode ?? 0;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      res.destroy();
      throw new UpstreamError(`answer larger than ${MAX_BODY_BYTES} bytes`, false, status);
    }
    chunks.push(chunk);
  }
  if (status === 429 || status >= 500) {
    const retryAfter = Number(res.headers['retry-after']);
    throw new UpstreamError(`upstream answered ${status}`, true, status, Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter, 60) * 1000 : undefined);
  }
  if (status === 401 || status === 403) throw new UpstreamError(`upstream refused the credentials (${status})`, false, status);
  if (status < 200 || status >= 300) throw new UpstreamError(`upstream answered ${status}`, false, status);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    // A truncated or garbled page: asking again usually gets a whole one.
    throw new UpstreamError('upstream answered with malformed JSON', true, status);
  }
}

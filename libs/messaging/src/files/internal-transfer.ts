/** Bytes between services and the file service: over its internal HTTP API with a grant from `file.*.authorize.v1`, never over NATS (ARCHITECTURE.md). */
import { DomainError, ErrorCode, HTTP_STATUS_OF, type ErrorDetail, type FileTransferGrant } from '@sakip/contracts';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** Idle time (no byte either way) after which a transfer to the file service is abandoned. */
const IDLE_TIMEOUT_MS = 30_000;
/** The file service's JSON answers (metadata, errors) are small; anything larger is not one. */
const MAX_JSON_BYTES = 64 * 1024;

/**
 * The file service's internal URL of a grant: the gateway knows that service's address only
 * through the grants it mints (FILE_INTERNAL_URL there), never from its own configuration.
 */
export function grantUrl(grant: FileTransferGrant): string {
  if (!grant.url) throw new DomainError(ErrorCode.UpstreamUnavailable, 'The file service is unavailable');
  return grant.url;
}

function open(url: string, method: string, headers: OutgoingHttpHeaders): ClientRequest {
  const target = new URL(url);
  const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method, headers, timeout: IDLE_TIMEOUT_MS });
  req.on('timeout', () => req.destroy(new DomainError(ErrorCode.UpstreamTimeout, 'The file service did not answer in time')));
  return req;
}

function upstreamError(err: unknown): DomainError {
  return err instanceof DomainError ? err : new DomainError(ErrorCode.UpstreamUnavailable, 'The file service is unavailable');
}

/** Reads a small JSON answer; the envelope's error becomes a DomainError, its data is returned. */
function readEnvelope<T>(res: IncomingMessage): Promise<T> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) return res.destroy(new DomainError(ErrorCode.UpstreamUnavailable, 'Unexpected answer from the file service'));
      chunks.push(chunk);
    });
    res.on('error', (err) => reject(upstreamError(err)));
    res.on('end', () => {
      let body: { ok?: boolean; data?: T; error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300 && body?.ok) return resolve(body.data as T);
      const code = body?.error?.code as ErrorCode | undefined;
      if (code && code in HTTP_STATUS_OF) return reject(new DomainError(code, body?.error?.message ?? 'Request failed', body?.error?.details ?? []));
      reject(new DomainError(ErrorCode.UpstreamUnavailable, 'Unexpected answer from the file service'));
    });
  });
}

/**
 * Streams `body` to a granted upload URL and returns the stored file's view. Piped chunk by chunk
 * (memory stays at a few chunks whatever the file size). The file service may answer before it
 * has read everything (413, 415, 401): its answer wins, and the rest of `body` is drained so the
 * client's request still completes and can be answered.
 */
export function pipeUpload<T>(url: string, body: Readable, requestId: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let answered = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      body.unpipe(req);
      body.resume();
      fn();
    };
    const req = open(url, 'PUT', { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', 'x-request-id': requestId });
    req.on('response', (res) => {
      answered = true;
      readEnvelope<T>(res).then(
        (data) => settle(() => resolve(data)),
        (err: unknown) => settle(() => reject(err)),
      );
    });
    // After an answer a broken pipe is the service closing a refused upload: the answer decides.
    req.on('error', (err) => {
      if (!answered) settle(() => reject(upstreamError(err)));
    });
    body.on('error', (err) => {
      req.destroy();
      settle(() => reject(new DomainError(ErrorCode.ValidationFailed, 'The upload was interrupted', [{ field: 'file', message: err.message }])));
    });
    body.pipe(req);
  });
}

/**
 * Opens a granted download. 200 → the response stream (headers from the file service), for the
 * caller to pipe to the client; anything else is read as the service's error envelope and thrown,
 * so an error before the first byte is answered as the gateway's own envelope.
 */
export function openDownload(url: string, requestId: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = open(url, 'GET', { 'x-request-id': requestId });
    req.on('response', (res) => {
      if (res.statusCode === 200) return resolve(res);
      readEnvelope(res).then(
        () => reject(new DomainError(ErrorCode.UpstreamUnavailable, 'Unexpected answer from the file service')),
        (err: unknown) => reject(err),
      );
    });
    req.on('error', (err) => reject(upstreamError(err)));
    req.end();
  });
}

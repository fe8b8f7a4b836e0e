import { connect, type NatsConnection } from 'nats';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface NatsConnectOptions {
  url: string;
  /** The service's own name (= its NATS user in infra/nats.conf): names the connection and its reply inbox. */
  name: string;
  user?: string;
  pass?: string;
}

/**
 * The service's own reply-inbox prefix, `_INBOX_<service>`: every reply the connection waits for
 * (RPC answers, JetStream API answers, pull-consumer deliveries) arrives on `_INBOX_<service>.<nuid>…`,
 * and infra/nats.conf lets each user subscribe to its own `_INBOX_<service>.>` only, so no other
 * service can read them (e.g. the token pairs auth returns to the gateway). No NATS_PREFIX here:
 * every inbox carries a random nuid, so concurrent test runs on a shared server never collide.
 * Characters a subject token cannot carry (`.`, wildcards, whitespace) become `_`.
 */
export function inboxPrefixFor(service: string): string {
  const token = service.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!token) throw new Error('a NATS connection needs a service name for its reply inbox');
  return `_INBOX_${token}`;
}

export function connectNats(o: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: o.url.split(',').map((s) => s.trim()),
    name: o.name,
    user: o.user,
    pass: o.pass,
    inboxPrefix: inboxPrefixFor(o.name),
    // Async stack capture costs ~10 % CPU per request on the hot RPC path (ARCHITECTURE.md).
    noAsyncTraces: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    timeout: 5000,
  });
}

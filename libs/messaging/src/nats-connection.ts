import { connect, type NatsConnection } from 'nats';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface NatsConnectOptions {
  url: string;
  name: string;
  user?: string;
  pass?: string;
}

export function connectNats(o: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: o.url.split(',').map((s) => s.trim()),
    name: o.name,
    user: o.user,
    pass: o.pass,
    // Async stack capture costs ~10 % CPU per request on the hot RPC path (ARCHITECTURE.md).
    noAsyncTraces: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    timeout: 5000,
  });
}

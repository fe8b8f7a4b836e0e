import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@sakip/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { GatewayRedis } from '../redis.provider';

/** A fresh ticket must be used within this many seconds (API.md: one use, 30 s). */
export const TICKET_TTL_SEC = 30;
/** An SSE ticket, once used, may reconnect the same user's stream for this long (API.md: 10 min). */
export const SSE_TICKET_TTL_SEC = 600;

/** Only the hash is stored: a Redis dump does not hand out live tickets. */
const keyOf = (kind: 'new' | 'sse', ticket: string) => `push:ticket:${kind}:${createHash('sha256').update(ticket).digest('base64url')}`;

/**
 * Tickets let browsers, which cannot set an Authorization header on WebSocket or EventSource,
 * open a live stream: the caller's identity is parked in Redis (shared by every gateway replica)
 * under a random 256-bit ticket.
 */
@Injectable()
export class PushTickets {
  constructor(private readonly redis: GatewayRedis) {}

  async issue(identity: CallerIdentity): Promise<string> {
    const ticket = randomBytes(32).toString('base64url');
    await this.redis.client.set(keyOf('new', ticket), JSON.stringify(identity), 'EX', TICKET_TTL_SEC);
    return ticket;
  }

  /** WebSocket: single use; a second attempt (or one after 30 s) gets null. */
  async redeemForWebSocket(ticket: string): Promise<CallerIdentity | null> {
    return parse(await this.redis.client.getdel(keyOf('new', ticket)));
  }

  /** SSE: the first use (within 30 s) turns the ticket into one the stream may reconnect with for 10 min. */
  async redeemForStream(ticket: string): Promise<CallerIdentity | null> {
    const reusable = parse(await this.redis.client.get(keyOf('sse', ticket)));
    if (reusable) return reusable;
    const raw = await this.redis.client.getdel(keyOf('new', ticket));
    if (raw) await this.redis.client.set(keyOf('sse', ticket), raw, 'EX', SSE_TICKET_TTL_SEC);
    return parse(raw);
  }
}

function parse(raw: string | null): CallerIdentity | null {
  return raw ? (JSON.parse(raw) as CallerIdentity) : null;
}

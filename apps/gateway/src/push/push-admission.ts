import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { isUUID } from 'class-validator';
import { RevocationCheck } from '../identity/revocation.check';
import { PushHub } from './push-hub';
import { PushTickets } from './push-tickets';

const badTicket = () => new DomainError(ErrorCode.Unauthenticated, 'Unknown, used or expired ticket: get a new one with POST /api/v1/ws/ticket');

/** Who may open a live stream: a valid ticket (or Bearer for SSE), the right to read notifications, not revoked, room left. */
@Injectable()
export class PushAdmission {
  constructor(
    private readonly tickets: PushTickets,
    private readonly revocations: RevocationCheck,
    private readonly hub: PushHub,
  ) {}

  async webSocket(ticket: unknown): Promise<CallerIdentity> {
    if (typeof ticket !== 'string' || !ticket) throw new DomainError(ErrorCode.Unauthenticated, 'A ticket is required: GET /api/v1/ws?ticket=…');
    const identity = await this.tickets.redeemForWebSocket(ticket);
    if (!identity) throw badTicket();
    return this.admit(identity);
  }

  /** SSE: the Bearer caller the guard verified, or else the ticket. */
  async eventStream(verified: CallerIdentity | undefined, ticket: string | undefined): Promise<CallerIdentity> {
    if (verified) return this.admit(verified);
    if (!ticket) throw new DomainError(ErrorCode.Unauthenticated, 'Send a Bearer token, or ?ticket= from POST /api/v1/ws/ticket');
    const identity = await this.tickets.redeemForStream(ticket);
    if (!identity) throw badTicket();
    return this.admit(identity);
  }

  private async admit(identity: CallerIdentity): Promise<CallerIdentity> {
    assertPermission(identity, 'notifications.read');
    await this.revocations.assertNotRevoked(identity);
    this.hub.assertRoom(identity.sub);
    return identity;
  }
}

/** A replay cursor is one of our notification ids; anything else (a stale or foreign value) means no replay. */
export function replayCursor(value: unknown): string | undefined {
  return typeof value === 'string' && isUUID(value) ? value : undefined;
}

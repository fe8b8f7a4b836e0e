import { DomainError, EVENT_CATALOGUE, isEventSubject, validateEventData, type SakipEventEnvelope } from '@sakip/contracts';
import { isUuid } from '@sakip/persistence';

export type Decoded = { ok: true; event: SakipEventEnvelope } | { ok: false; reason: string };

/**
 * Reads and validates a message body into a known event envelope. `logicalSubject` is the NATS
 * subject without NATS_PREFIX: the envelope must say the same subject, come from the subject's
 * producer, and carry a payload its class accepts (unknown fields dropped, so additive changes
 * to a v1 payload do not break older consumers).
 */
export function decodeEvent(body: Uint8Array, logicalSubject: string): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'body is not an event envelope' };
  const env = raw as Record<string, unknown>;
  if (!isUuid(env['id'])) return { ok: false, reason: 'envelope id is not a UUID' };
  if (env['subject'] !== logicalSubject) return { ok: false, reason: `envelope subject ${String(env['subject'])} differs from message subject ${logicalSubject}` };
  if (!isEventSubject(logicalSubject)) return { ok: false, reason: `unknown event subject ${logicalSubject}` };
  if (env['producer'] !== EVENT_CATALOGUE[logicalSubject].producer) return { ok: false, reason: `producer ${String(env['producer'])} does not own ${logicalSubject}` };
  if (typeof env['occurredAt'] !== 'string' || Number.isNaN(Date.parse(env['occurredAt']))) return { ok: false, reason: 'envelope occurredAt is not a date' };
  try {
    const data = validateEventData(logicalSubject, env['data'], 'tolerant');
    return { ok: true, event: { id: env['id'], subject: logicalSubject, occurredAt: env['occurredAt'], producer: env['producer'], data } as SakipEventEnvelope };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, reason: `${err.message}: ${err.details.map((d) => `${d.field}: ${d.message}`).join('; ')}` };
    throw err;
  }
}

import { AUTH_EVENTS, Role, UserCreatedV1 } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { decodeEvent } from './event-decoding';

const SUBJECT = AUTH_EVENTS.userCreated;
const data = { userId: uuidv7(), email: 'a@pemda.go.id', name: 'A', role: Role.Viewer, opdId: null, isActive: true, version: 1 };
const envelope = (over: Record<string, unknown> = {}) => ({ id: uuidv7(), subject: SUBJECT, occurredAt: new Date().toISOString(), producer: 'auth', data, ...over });
const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('decodeEvent', () => {
  it('returns the envelope with the payload as its class', () => {
    const env = envelope();
    const out = decodeEvent(bytes(env), SUBJECT);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.event).toMatchObject({ id: env.id, subject: SUBJECT, producer: 'auth' });
    expect(out.event.data).toBeInstanceOf(UserCreatedV1);
  });

  it('drops payload fields it does not know (a producer may add optional fields to a v1)', () => {
    const out = decodeEvent(bytes(envelope({ data: { ...data, addedLater: 1 } })), SUBJECT);
    expect(out.ok && out.event.data).not.toHaveProperty('addedLater');
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['an array', [], /not an event envelope/],
    ['a bad id', envelope({ id: 'x' }), /id is not a UUID/],
    ['another subject', envelope({ subject: AUTH_EVENTS.userUpdated }), /differs from message subject/],
    ['the wrong producer', envelope({ producer: 'core' }), /does not own/],
    ['a bad date', envelope({ occurredAt: 'yesterday' }), /occurredAt/],
    ['an invalid payload', envelope({ data: { ...data, role: 'king', userId: 'u1' } }), /invalid payload: .*role.*|userId/],
    ['no payload', envelope({ data: null }), /must be a JSON object/],
  ])('refuses %s', (_what, body, reason) => {
    const out = decodeEvent(bytes(body), SUBJECT);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toMatch(reason);
  });

  it('refuses a subject the catalogue does not know', () => {
    const out = decodeEvent(bytes(envelope({ subject: 'evt.auth.user.renamed.v1' })), 'evt.auth.user.renamed.v1');
    expect(!out.ok && out.reason).toMatch(/unknown event subject/);
  });
});

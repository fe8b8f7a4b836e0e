import { DomainError } from '../common/errors';
import { Role } from '../common/roles';
import { AUTH_EVENTS, UserCreatedV1 } from './auth.events';
import { EVENT_CATALOGUE, EVENT_SUBJECTS, isEventSubject, validateEventData, type EventOf, type SakipEvent } from './catalogue';
import { CORE_EVENTS } from './core.events';
import { EVENT_SUBJECT_PATTERN } from './envelope';
import { SERVICES } from './audit.events';

const user = { userId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', email: 'a@pemda.go.id', name: 'A', role: Role.Viewer, opdId: null, isActive: true, version: 1 };

describe('event catalogue', () => {
  it.each(EVENT_SUBJECTS)('%s is named evt.<service>.<entity>.<past-tense>.v<n> after its producer', (subject) => {
    expect(subject).toMatch(EVENT_SUBJECT_PATTERN);
    const service = subject.split('.')[1];
    expect(EVENT_CATALOGUE[subject].producer).toBe(service);
  });

  it('has an audit.recorded event for every service, and file_links.changed for those that reference files', () => {
    for (const s of SERVICES) expect(isEventSubject(`evt.${s}.audit.recorded.v1`)).toBe(true);
    for (const s of ['core', 'report', 'integration']) expect(isEventSubject(`evt.${s}.file_links.changed.v1`)).toBe(true);
  });

  it('knows only its own subjects', () => {
    expect(isEventSubject(AUTH_EVENTS.userCreated)).toBe(true);
    expect(isEventSubject('evt.auth.user.renamed.v1')).toBe(false);
    expect(isEventSubject('toString')).toBe(false);
  });

  it('types payloads by subject (compile-time: producer and consumer cannot drift apart)', () => {
    const data: EventOf<typeof AUTH_EVENTS.userCreated> = user;
    const event: SakipEvent = { subject: AUTH_EVENTS.userCreated, data };
    expect(event.subject).toBe('evt.auth.user.created.v1');
  });
});

describe('validateEventData', () => {
  it('returns an instance of the payload class', () => {
    expect(validateEventData(AUTH_EVENTS.userCreated, user, 'strict')).toBeInstanceOf(UserCreatedV1);
  });

  it('refuses unknown fields when strict (producer) and drops them when tolerant (consumer)', () => {
    expect(() => validateEventData(AUTH_EVENTS.userCreated, { ...user, extra: 1 }, 'strict')).toThrow(DomainError);
    expect(validateEventData(AUTH_EVENTS.userCreated, { ...user, extra: 1 }, 'tolerant')).not.toHaveProperty('extra');
  });

  it('requires nullable fields to be present', () => {
    const { opdId: _omitted, ...withoutOpd } = user;
    expect(() => validateEventData(AUTH_EVENTS.userCreated, withoutOpd, 'tolerant')).toThrow(/invalid payload/);
  });

  it('validates nested payloads', () => {
    const opd = { opdId: user.userId, change: 'updated', code: '1.01', name: 'Dinas Pendidikan', isActive: true, version: 2 };
    expect(validateEventData(CORE_EVENTS.opdChanged, { ...opd, head: null }, 'strict').head).toBeNull();
    expect(() => validateEventData(CORE_EVENTS.opdChanged, { ...opd, head: { name: 'Kepala' } }, 'strict')).toThrow(DomainError);
  });

  it.each([null, [], 'text'])('refuses %p as data', (data) => {
    expect(() => validateEventData(AUTH_EVENTS.userCreated, data, 'tolerant')).toThrow(/must be a JSON object/);
  });
});

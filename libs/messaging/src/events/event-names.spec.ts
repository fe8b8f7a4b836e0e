import { consumerKey, dlqSubjectOf, durableNameFor, prefixToken, streamNameFor, subjectMatches } from './event-names';

describe('event names', () => {
  it('prefixes stream names with the NATS_PREFIX token, and leaves them bare in production', () => {
    expect(streamNameFor('t1a2b.', 'EVENTS')).toBe('t1a2b_EVENTS');
    expect(streamNameFor('', 'EVENTS')).toBe('EVENTS');
    expect(prefixToken('t1a2b.')).toBe('t1a2b');
  });

  it('names durables <token>_<service>_<purpose> and keys inboxes without the prefix', () => {
    expect(durableNameFor('t1.', 'notification', 'achievement-notices')).toBe('t1_notification_achievement-notices');
    expect(durableNameFor('', 'auth', 'opd-directory')).toBe('auth_opd-directory');
    expect(consumerKey('auth', 'opd-directory')).toBe('auth_opd-directory');
  });

  it.each(['has.dot', 'has space', 'star*', 'gt>', ''])('refuses the durable part %p', (bad) => {
    expect(() => durableNameFor('', 'auth', bad)).toThrow(/invalid consumer name part/);
  });

  it('puts dead letters under DLQ.<original subject>', () => {
    expect(dlqSubjectOf('evt.core.achievement.submitted.v1')).toBe('DLQ.evt.core.achievement.submitted.v1');
  });

  it.each([
    ['evt.core.achievement.*.v1', 'evt.core.achievement.submitted.v1', true],
    ['evt.core.achievement.*.v1', 'evt.core.achievement.submitted.v2', false],
    ['evt.core.>', 'evt.core.opd.changed.v1', true],
    ['evt.>', 'evt', false],
    ['evt.auth.user.created.v1', 'evt.auth.user.created.v1', true],
    ['evt.auth.user.created.v1', 'evt.auth.user.created.v1.x', false],
    ['evt.*.audit.recorded.v1', 'evt.file.audit.recorded.v1', true],
    ['evt.*', 'evt.a.b', false],
  ])('matches filter %p against %p → %p', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});

/**
 * Names on the NATS server. NATS_PREFIX (`t1a2b.` in tests, empty in production) goes in front of
 * every subject; stream and durable names cannot hold dots, so they get its token and `_` instead:
 * `t1a2b_EVENTS`, `t1a2b_auth_opd-directory`. Concurrent test runs on one server never meet.
 */
export const EVENTS_STREAM = 'EVENTS';
export const DLQ_STREAM = 'DLQ';

const NAME_PART = /^[A-Za-z0-9_-]+$/;

export function prefixToken(prefix: string): string {
  return prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
}

export function streamNameFor(prefix: string, base: string): string {
  const token = prefixToken(prefix);
  return token ? `${token}_${base}` : base;
}

/** The inbox key of a consumer (`<service>_<purpose>`): the same in every environment. */
export function consumerKey(service: string, purpose: string): string {
  for (const part of [service, purpose]) {
    if (!NAME_PART.test(part)) throw new Error(`invalid consumer name part "${part}": letters, digits, _ and - only`);
  }
  return `${service}_${purpose}`;
}

export function durableNameFor(prefix: string, service: string, purpose: string): string {
  const token = prefixToken(prefix);
  const key = consumerKey(service, purpose);
  return token ? `${token}_${key}` : key;
}

/** Dead letters keep their original subject under `DLQ.` so they can be found and replayed by subject. */
export function dlqSubjectOf(subject: string): string {
  return `DLQ.${subject}`;
}

/** NATS subject matching: `*` is one token, a trailing `>` one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return i === f.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}

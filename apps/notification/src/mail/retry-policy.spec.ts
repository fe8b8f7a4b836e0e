import { afterFailure, isPermanentSmtpError, messageIdOf } from './retry-policy';

const s = { maxAttempts: 5, baseMs: 1000, maxMs: 10_000 };
const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('retry policy', () => {
  it('backs off exponentially with equal jitter, capped', () => {
    expect(afterFailure(1, down, s, () => 0)).toEqual({ dead: false, retryInMs: 500 });
    expect(afterFailure(1, down, s, () => 1)).toEqual({ dead: false, retryInMs: 1000 });
    expect(afterFailure(3, down, s, () => 1)).toEqual({ dead: false, retryInMs: 4000 });
    expect(afterFailure(4, down, s, () => 0.5)).toEqual({ dead: false, retryInMs: 6000 });
    // Capped at maxMs however many attempts.
    expect(afterFailure(4, down, { ...s, maxAttempts: 50 }, () => 1)).toEqual({ dead: false, retryInMs: 8000 });
    expect(afterFailure(40, down, { ...s, maxAttempts: 50 }, () => 1)).toEqual({ dead: false, retryInMs: 10_000 });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailure(5, down, s)).toEqual({ dead: true });
  });

  it('gives up at once on an SMTP 5xx answer, retries a 4xx one', () => {
    expect(isPermanentSmtpError(Object.assign(new Error('550 no such user'), { responseCode: 550 }))).toBe(true);
    expect(afterFailure(1, Object.assign(new Error('550'), { responseCode: 550 }), s)).toEqual({ dead: true });
    expect(afterFailure(1, Object.assign(new Error('451 try later'), { responseCode: 451 }), s).dead).toBe(false);
    expect(isPermanentSmtpError(null)).toBe(false);
  });

  it('derives the Message-ID from the event and the user', () => {
    expect(messageIdOf('e1', 'u1')).toBe('<e1.u1@sakip>');
  });
});

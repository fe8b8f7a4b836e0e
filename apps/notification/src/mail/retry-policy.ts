import { backoffMs } from '@sakip/messaging';
export interface RetrySettings {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export type FailureOutcome = { dead: true } | { dead: false; retryInMs: number };

/** An SMTP 5xx answer (unknown mailbox, refused sender…) will not change by retrying. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * After failed attempt number `attempts` (from 1): dead when permanent or out of attempts, else
 * retry after exponential back-off with "equal jitter" (half fixed, half random), so deliveries
 * that failed together (a server outage) do not all come back at the same instant.
 */
export function afterFailure(attempts: number, err: unknown, s: RetrySettings, random: () => number = Math.random): FailureOutcome {
  const permanent = isPermanentSmtpError(err) || (err as { permanent?: unknown } | null)?.permanent === true;
  if (permanent || attempts >= s.maxAttempts) return { dead: true };
  const delay = backoffMs(attempts, s.baseMs, s.maxMs);
  return { dead: false, retryInMs: Math.round(delay / 2 + random() * (delay / 2)) };
}

/** `<eventId.userId@sakip>`: the same mail for the same event and person, however often it is retried. */
export function messageIdOf(eventId: string, userId: string): string {
  return `<${eventId}.${userId}@sakip>`;
}

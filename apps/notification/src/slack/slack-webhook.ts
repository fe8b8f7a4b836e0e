/** A failure that retrying cannot fix (the retry policy dead-letters it at once). */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
}

/**
 * Posts `{text}` to a Slack-compatible incoming webhook. 4xx (bad URL, revoked hook) is permanent
 * except 429; 5xx, timeouts and network errors are retried like a mail server outage.
 */
export class SlackWebhook {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async post(text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await res.body?.cancel();
    if (res.ok) return;
    const message = `Slack webhook answered ${res.status}`;
    throw res.status >= 400 && res.status < 500 && res.status !== 429 ? new PermanentDeliveryError(message) : new Error(message);
  }
}

/** The message text: bold title, then the body (Slack mrkdwn). */
export const slackText = (title: string, body: string): string => `*${title}*\n${body}`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface StreamSettings {
  /** EVENTS keeps a week (ARCHITECTURE.md "Retention"). */
  eventsMaxAgeMs: number;
  /** DLQ keeps 30 days: time to look at and replay a dead letter. */
  dlqMaxAgeMs: number;
  /** Window in which the broker drops a re-publish with the same Nats-Msg-Id. */
  duplicateWindowMs: number;
}

export interface RelaySettings {
  /** How often the relay looks for pending rows; a local commit wakes it at once. */
  pollIntervalMs: number;
  batchSize: number;
  publishTimeoutMs: number;
  /** Back-off after a failed round: base · 2^(n-1), capped. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Sent rows older than this are deleted. */
  retentionMs: number;
  pruneIntervalMs: number;
}

export interface ConsumerSettings {
  /** Deliveries before a failing event goes to the DLQ (the consumer's max_deliver). */
  maxDeliver: number;
  /** Unacked this long → redelivered; a running handler extends it with progress acks. */
  ackWaitMs: number;
  /** nak delay: base · 2^(delivery-1), capped. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Messages pulled ahead; handled one at a time in order. */
  batchSize: number;
  /** Handled event ids are kept this long; longer than EVENTS keeps messages, so a replay still dedupes. */
  inboxRetentionMs: number;
  pruneIntervalMs: number;
  /** Where a NEW durable starts: the whole stream (`all`) or only what arrives after it (`new`). */
  deliverPolicy: 'all' | 'new';
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  eventsMaxAgeMs: 7 * DAY,
  dlqMaxAgeMs: 30 * DAY,
  duplicateWindowMs: 2 * MINUTE,
};

export const DEFAULT_RELAY_SETTINGS: RelaySettings = {
  pollIntervalMs: 1000,
  batchSize: 100,
  publishTimeoutMs: 5000,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
  retentionMs: DAY,
  pruneIntervalMs: HOUR,
};

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  maxDeliver: 5,
  ackWaitMs: 30_000,
  retryBaseMs: 2000,
  retryMaxMs: 60_000,
  batchSize: 10,
  inboxRetentionMs: 8 * DAY,
  pruneIntervalMs: HOUR,
  deliverPolicy: 'all',
};

/** The shared environment variables behind these settings (libs/config ServiceConfig). */
export interface EventsEnv {
  OUTBOX_POLL_MS: number;
  OUTBOX_RETENTION_HOURS: number;
  INBOX_RETENTION_DAYS: number;
  EVENTS_MAX_DELIVER: number;
  EVENTS_ACK_WAIT_MS: number;
}

export function eventSettingsFromEnv(env: EventsEnv): { relay: Partial<RelaySettings>; consumers: Partial<ConsumerSettings> } {
  return {
    relay: { pollIntervalMs: env.OUTBOX_POLL_MS, retentionMs: env.OUTBOX_RETENTION_HOURS * HOUR },
    consumers: { maxDeliver: env.EVENTS_MAX_DELIVER, ackWaitMs: env.EVENTS_ACK_WAIT_MS, inboxRetentionMs: env.INBOX_RETENTION_DAYS * DAY },
  };
}

/**
 * An event as it travels on JetStream (the message body) and sits in an outbox row. `id` is a
 * UUIDv7 minted when the event is enqueued; it is also the `Nats-Msg-Id` header, so the broker
 * drops a re-publish of the same row, and the consumer's inbox key, so a redelivery is skipped.
 */
export interface EventEnvelope<S extends string = string, D = unknown> {
  id: string;
  /** The logical subject, without NATS_PREFIX, e.g. `evt.auth.user.created.v1`. */
  subject: S;
  /** When the state change happened (the enqueue time, inside its transaction), ISO 8601. */
  occurredAt: string;
  /** The service that owns the fact, e.g. `auth`. */
  producer: string;
  data: D;
}

/** Events are `evt.<service>.<entity>.<past-tense-action>.v<n>` (ARCHITECTURE.md "Events"). */
export const EVENT_SUBJECT_PATTERN = /^evt\.[a-z]+(\.[a-z_]+)+\.v\d+$/;

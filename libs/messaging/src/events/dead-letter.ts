import { headers as natsHeaders, type JetStreamClient, type JsMsg } from 'nats';
import { dlqSubjectOf } from './event-names';

/** Headers a dead letter carries next to the original, unchanged body. */
export const DLQ_HEADERS = {
  reason: 'Sakip-Dlq-Reason',
  error: 'Sakip-Dlq-Error',
  originalSubject: 'Sakip-Dlq-Original-Subject',
  consumer: 'Sakip-Dlq-Consumer',
  deliveries: 'Sakip-Dlq-Deliveries',
  streamSeq: 'Sakip-Dlq-Stream-Seq',
  eventId: 'Sakip-Event-Id',
} as const;

export type DeadLetterReason = 'handler_failed' | 'invalid_payload';

export interface DeadLetter {
  msg: JsMsg;
  /** The event subject without NATS_PREFIX. */
  subject: string;
  /** Inbox key of the consumer that gave up (`<service>_<purpose>`). */
  consumer: string;
  reason: DeadLetterReason;
  error: string;
  eventId: string | null;
}

/** Header values are one line of limited length; error texts are neither. */
function headerValue(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 1024);
}

/**
 * Publishes the message to `DLQ.<subject>` with why and where it failed. The Nats-Msg-Id is per
 * (consumer, event), so a retried hand-off stores one dead letter, while two consumers giving up
 * on the same event each leave theirs.
 */
export async function publishDeadLetter(js: JetStreamClient, o: { prefix: string; stream: string; timeoutMs: number }, d: DeadLetter): Promise<void> {
  const h = natsHeaders();
  h.set(DLQ_HEADERS.reason, d.reason);
  h.set(DLQ_HEADERS.error, headerValue(d.error) || 'unknown error');
  h.set(DLQ_HEADERS.originalSubject, d.subject);
  h.set(DLQ_HEADERS.consumer, d.consumer);
  h.set(DLQ_HEADERS.deliveries, String(d.msg.info.redeliveryCount));
  h.set(DLQ_HEADERS.streamSeq, String(d.msg.seq));
  if (d.eventId) h.set(DLQ_HEADERS.eventId, d.eventId);
  await js.publish(o.prefix + dlqSubjectOf(d.subject), d.msg.data, {
    headers: h,
    msgID: `${d.consumer}:${d.eventId ?? `seq-${d.msg.seq}`}`,
    expect: { streamName: o.stream },
    timeout: o.timeoutMs,
  });
}

import { DiscardPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsError, type StreamConfig, type StreamInfo } from 'nats';
import { DLQ_STREAM, EVENTS_STREAM, streamNameFor } from './event-names';
import { DEFAULT_STREAM_SETTINGS, type StreamSettings } from './event-settings';

export interface EventStreamNames {
  events: string;
  dlq: string;
}

const STREAM_NOT_FOUND = 10059;

export function eventStreamConfigs(prefix: string, settings: Partial<StreamSettings> = {}): StreamConfig[] {
  const s = { ...DEFAULT_STREAM_SETTINGS, ...settings };
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: 1,
    duplicate_window: nanos(s.duplicateWindowMs),
  };
  return [
    { ...common, name: streamNameFor(prefix, EVENTS_STREAM), subjects: [`${prefix}evt.>`], max_age: nanos(s.eventsMaxAgeMs) } as StreamConfig,
    { ...common, name: streamNameFor(prefix, DLQ_STREAM), subjects: [`${prefix}DLQ.>`], max_age: nanos(s.dlqMaxAgeMs) } as StreamConfig,
  ];
}

/**
 * Creates EVENTS and DLQ if missing and brings subjects/retention/dedupe window in line, at every
 * service start. Reads first and writes only on a difference, so replicas starting together do
 * not race, and a service whose NATS user may only read stream info (infra/nats.conf) starts fine
 * once an operator created the streams.
 */
export async function ensureEventStreams(jsm: JetStreamManager, prefix: string, settings: Partial<StreamSettings> = {}): Promise<EventStreamNames> {
  const [events, dlq] = eventStreamConfigs(prefix, settings) as [StreamConfig, StreamConfig];
  await ensureStream(jsm, events);
  await ensureStream(jsm, dlq);
  return { events: events.name, dlq: dlq.name };
}

async function ensureStream(jsm: JetStreamManager, want: StreamConfig): Promise<void> {
  const have = await jsm.streams.info(want.name).catch((err: NatsError) => {
    if (err.api_error?.err_code === STREAM_NOT_FOUND) return null;
    throw err;
  });
  if (!have) {
    // Two replicas may both find it missing: an identical add is accepted by the server.
    await jsm.streams.add(want).catch((err: Error) => {
      throw new Error(`stream ${want.name} is missing and could not be created (${err.message}); create it once with this NATS user's operator rights, or grant $JS.API.STREAM.CREATE.${want.name}`, { cause: err });
    });
    return;
  }
  if (!differs(have, want)) return;
  await jsm.streams.update(want.name, { subjects: want.subjects, max_age: want.max_age, duplicate_window: want.duplicate_window });
}

function differs(have: StreamInfo, want: StreamConfig): boolean {
  return (
    have.config.max_age !== want.max_age ||
    have.config.duplicate_window !== want.duplicate_window ||
    [...(have.config.subjects ?? [])].sort().join(',') !== [...want.subjects].sort().join(',')
  );
}

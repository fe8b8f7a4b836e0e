import { connect, type JetStreamManager, type MsgHdrs, type NatsError } from 'nats';

/** Every stream a test run created is named `<token>_…` (NATS_PREFIX `<token>.`): delete them all. */
export async function deleteStreamsOfPrefix(natsUrl: string, natsPrefix: string): Promise<string[]> {
  const token = natsPrefix.replace(/\.$/, '');
  if (!token) throw new Error('refusing to delete streams without a run prefix: that would be every stream on the server');
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true });
  try {
    const jsm = await nc.jetstreamManager();
    const deleted: string[] = [];
    for await (const info of jsm.streams.list()) {
      if (!info.config.name.startsWith(`${token}_`)) continue;
      await jsm.streams.delete(info.config.name);
      deleted.push(info.config.name);
    }
    return deleted;
  } finally {
    await nc.close();
  }
}

export interface StoredMessage {
  seq: number;
  subject: string;
  headers: MsgHdrs | undefined;
  /** The body parsed as JSON, or its text when it is not JSON (a dead-lettered bad body). */
  data: unknown;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads a (small) stream from the start, in order: what was really stored, not what a consumer saw. */
export async function readStream(jsm: JetStreamManager, stream: string, subjectPrefix = ''): Promise<StoredMessage[]> {
  const { state } = await jsm.streams.info(stream);
  const out: StoredMessage[] = [];
  for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch((err: NatsError) => {
      if (err.api_error?.code === 404) return null; // deleted or expired
      throw err;
    });
    if (m && m.subject.startsWith(subjectPrefix)) out.push({ seq, subject: m.subject, headers: m.header, data: jsonOrText(m.string()) });
  }
  return out;
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, o: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? 5000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${o.what ?? 'a condition'}`);
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 25));
  }
}

import type { NotificationView } from '@sakip/contracts';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';

/** Collects what a live client received and waits for more (tests and the push bench). */
export class Inbox {
  readonly messages: NotificationView[] = [];
  private waiters: Array<() => void> = [];

  push(m: NotificationView): void {
    this.messages.push(m);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `count` messages are in (rejects after timeoutMs). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<NotificationView[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
    return this.messages;
  }
}

export interface LiveWebSocket {
  socket: WebSocket;
  inbox: Inbox;
  close(): void;
}

/** Opens `/api/v1/ws?ticket=`; rejects with the HTTP status when the upgrade is refused. */
export function openWebSocket(base: string, ticket: string, lastEventId?: string): Promise<LiveWebSocket> {
  const url = new URL('/api/v1/ws', base.replace(/^http/, 'ws'));
  url.searchParams.set('ticket', ticket);
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
  const socket = new WebSocket(url);
  const inbox = new Inbox();
  socket.on('message', (data) => inbox.push(JSON.parse(String(data)) as NotificationView));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, inbox, close: () => socket.terminate() }));
    socket.once('unexpected-response', (_req: ClientRequest, res: IncomingMessage) => {
      const err = Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode });
      res.resume();
      reject(err);
    });
    socket.once('error', reject);
  });
}

export interface LiveEventStream {
  status: number;
  headers: IncomingMessage['headers'];
  /** The body when the stream was refused (an error envelope). */
  body: string;
  inbox: Inbox;
  /** Lines starting with ':' (heartbeats) seen so far. */
  comments: number;
  /** Settles when the server ends or cuts the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `/api/v1/stream/notifications` and parses `id:/event:/data:` frames as they arrive. */
export function openEventStream(base: string, o: { token?: string; ticket?: string; lastEventId?: string }): Promise<LiveEventStream> {
  const url = new URL('/api/v1/stream/notifications', base);
  if (o.ticket) url.searchParams.set('ticket', o.ticket);
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (o.token) headers['authorization'] = `Bearer ${o.token}`;
  if (o.lastEventId) headers['last-event-id'] = o.lastEventId;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const ended = new Promise<void>((done) => res.once('close', done));
      const stream: LiveEventStream = { status: res.statusCode ?? 0, headers: res.headers, body: '', inbox: new Inbox(), comments: 0, ended, close: () => req.destroy() };
      res.setEncoding('utf8');
      if (stream.status !== 200) {
        res.on('data', (chunk: string) => (stream.body += chunk));
        res.on('end', () => resolve(stream));
        return;
      }
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith(':')) stream.comments++;
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) stream.inbox.push(JSON.parse(data.slice(6)) as NotificationView);
        }
      });
      res.on('error', () => undefined);
      resolve(stream);
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

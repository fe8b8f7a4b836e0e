import type { NotificationView } from '@sakip/contracts';
import type { ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';

/**
 * One live client on this replica. While the missed notifications are being replayed, live ones
 * wait in `held` so the client gets them in order and each once.
 */
export abstract class PushConnection {
  private held: NotificationView[] | null = null;
  private readonly replayed = new Set<string>();
  closed = false;

  constructor(
    readonly userId: string,
    protected readonly maxBuffer: number,
  ) {}

  beginReplay(): void {
    this.held = [];
  }

  /** Sends the replayed ones, then what arrived meanwhile minus duplicates. */
  endReplay(missed: NotificationView[]): void {
    for (const m of missed) {
      this.replayed.add(m.id);
      this.write(m);
    }
    const held = this.held ?? [];
    this.held = null;
    for (const m of held) if (!this.replayed.has(m.id)) this.write(m);
    this.replayed.clear();
  }

  deliver(message: NotificationView): void {
    if (this.closed) return;
    if (this.held) this.held.push(message);
    else this.write(message);
  }

  /** Writes unless the client has left more than maxBuffer unread: then it is dropped, never waited for. */
  private write(message: NotificationView): void {
    if (this.closed) return;
    if (this.unreadBytes() > this.maxBuffer) return this.drop();
    this.send(message);
  }

  abstract heartbeat(): void;
  abstract close(): void;
  protected abstract unreadBytes(): number;
  protected abstract send(message: NotificationView): void;
  /** Cuts a client that does not keep up, so it cannot stall this replica or hold memory. */
  protected abstract drop(): void;
}

export class WebSocketConnection extends PushConnection {
  private alive = true;

  constructor(
    userId: string,
    maxBuffer: number,
    private readonly socket: WebSocket,
  ) {
    super(userId, maxBuffer);
    socket.on('pong', () => (this.alive = true));
  }

  heartbeat(): void {
    // No pong since the last ping: the peer is gone without a FIN (e.g. a dropped mobile link).
    if (!this.alive) return this.drop();
    this.alive = false;
    this.socket.ping();
  }

  close(): void {
    this.closed = true;
    this.socket.close(1001, 'server going away');
  }

  protected unreadBytes(): number {
    return this.socket.bufferedAmount;
  }

  protected send(message: NotificationView): void {
    this.socket.send(JSON.stringify(message));
  }

  protected drop(): void {
    this.closed = true;
    this.socket.terminate();
  }
}

export class EventStreamConnection extends PushConnection {
  constructor(
    userId: string,
    maxBuffer: number,
    private readonly res: ServerResponse,
  ) {
    super(userId, maxBuffer);
  }

  heartbeat(): void {
    if (this.closed) return;
    if (this.unreadBytes() > this.maxBuffer) return this.drop();
    this.res.write(': heartbeat\n\n');
  }

  close(): void {
    this.closed = true;
    this.res.end();
  }

  protected unreadBytes(): number {
    return this.res.writableLength;
  }

  protected send(message: NotificationView): void {
    // The id is what the browser sends back as Last-Event-ID when it reconnects.
    this.res.write(`id: ${message.id}\nevent: notification\ndata: ${JSON.stringify(message)}\n\n`);
  }

  protected drop(): void {
    this.closed = true;
    this.res.destroy();
  }
}

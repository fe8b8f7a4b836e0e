import type { NotificationView } from '@sakip/contracts';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { EventStreamConnection, WebSocketConnection } from './push-connection';

const note = (id: string): NotificationView => ({ id, type: 'sync.failed', title: 't', body: 'b', data: {}, readAt: null, createdAt: '2026-11-24T00:00:00.000Z' });

class FakeSocket extends EventEmitter {
  bufferedAmount = 0;
  sent: string[] = [];
  pings = 0;
  terminated = false;
  send(data: string) {
    this.sent.push(data);
  }
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
  }
  closes = 0;
  close() {
    this.closes++;
  }
}

class FakeResponse {
  writableLength = 0;
  written: string[] = [];
  destroyed = false;
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  destroy() {
    this.destroyed = true;
  }
  ended = false;
  end() {
    this.ended = true;
  }
}

const ids = (socket: FakeSocket) => socket.sent.map((s) => (JSON.parse(s) as NotificationView).id);

describe('push connections', () => {
  it('drops a WebSocket that leaves more than the limit unread instead of queueing more', () => {
    const socket = new FakeSocket();
    const c = new WebSocketConnection('u1', 1000, socket as unknown as WebSocket);
    c.deliver(note('a'));
    socket.bufferedAmount = 1001;
    c.deliver(note('b'));
    c.deliver(note('c'));
    expect(ids(socket)).toEqual(['a']);
    expect(socket.terminated).toBe(true);
    expect(c.closed).toBe(true);
  });

  it('drops an SSE client whose unread bytes pass the limit, also on a heartbeat', () => {
    const res = new FakeResponse();
    const c = new EventStreamConnection('u1', 100, res as unknown as ServerResponse);
    c.deliver(note('a'));
    expect(res.written[0]).toBe(`id: a\nevent: notification\ndata: ${JSON.stringify(note('a'))}\n\n`);
    c.heartbeat();
    expect(res.written[1]).toBe(': heartbeat\n\n');
    res.writableLength = 101;
    c.heartbeat();
    expect(res.destroyed).toBe(true);
    c.deliver(note('b'));
    expect(res.written).toHaveLength(2);
  });

  it('terminates a WebSocket that did not answer the last ping', () => {
    const socket = new FakeSocket();
    const c = new WebSocketConnection('u1', 1000, socket as unknown as WebSocket);
    c.heartbeat();
    socket.emit('pong');
    c.heartbeat();
    expect([socket.pings, socket.terminated]).toEqual([2, false]);
    c.heartbeat();
    expect(socket.terminated).toBe(true);
  });

  it('holds live messages during a replay, then sends replayed ones first and each id once', () => {
    const socket = new FakeSocket();
    const c = new WebSocketConnection('u1', 1000, socket as unknown as WebSocket);
    c.beginReplay();
    c.deliver(note('c'));
    c.deliver(note('d'));
    expect(socket.sent).toEqual([]);
    c.endReplay([note('b'), note('c')]);
    expect(ids(socket)).toEqual(['b', 'c', 'd']);
    c.deliver(note('c'));
    expect(ids(socket)).toEqual(['b', 'c', 'd', 'c']);
  });
});

import type { NotificationView } from '@sakip/contracts';
import { JSONCodec } from 'nats';
import type { DataSource, EntityManager, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { LivePush } from './live-push';

const view = (id: string): NotificationView => ({ id, type: 'sync.failed', title: 't', body: 'b', data: {}, readAt: null, createdAt: '2026-11-24T00:00:00.000Z' });

describe('LivePush', () => {
  const published: Array<{ subject: string; ids: string[] }> = [];
  const nc = { publish: (subject: string, data: Uint8Array) => published.push({ subject, ids: (JSONCodec().decode(data) as { items: Array<{ message: { id: string } }> }).items.map((i) => i.message.id) }) };
  const ds = { subscribers: [] as unknown[] } as unknown as DataSource;
  const logger = { warn: () => undefined } as never;
  const push = new LivePush(ds, nc as never, { prefix: 't1.' } as never, logger);
  const runner = () => ({ isTransactionActive: true }) as QueryRunner;
  const inTx = (qr: QueryRunner) => ({ queryRunner: qr }) as EntityManager;

  beforeEach(() => (published.length = 0));

  it('registers itself as a transaction subscriber', () => {
    push.onModuleInit();
    expect((ds as unknown as { subscribers: unknown[] }).subscribers).toContain(push);
  });

  it('publishes after the outermost commit only, never on a savepoint release', () => {
    const qr = runner();
    push.afterCommit(inTx(qr), [{ userId: 'u1', message: view('a') }]);
    push.afterCommit(inTx(qr), [{ userId: 'u2', message: view('b') }]);
    push.afterTransactionCommit({ queryRunner: qr } as TransactionCommitEvent); // savepoint: still active
    expect(published).toEqual([]);
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    push.afterTransactionCommit({ queryRunner: qr } as TransactionCommitEvent);
    expect(published).toEqual([{ subject: 't1.gateway.push.notification.v1', ids: ['a', 'b'] }]);
  });

  it('drops what a rolled-back transaction queued', () => {
    const qr = runner();
    push.afterCommit(inTx(qr), [{ userId: 'u1', message: view('c') }]);
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    push.afterTransactionRollback({ queryRunner: qr } as TransactionRollbackEvent);
    push.afterTransactionCommit({ queryRunner: qr } as TransactionCommitEvent);
    expect(published).toEqual([]);
  });

  it('publishes at once outside a transaction, in batches of at most 200', () => {
    const items = Array.from({ length: 450 }, (_, i) => ({ userId: `u${i}`, message: view(String(i)) }));
    push.afterCommit({ queryRunner: undefined } as unknown as EntityManager, items);
    expect(published.map((p) => p.ids.length)).toEqual([200, 200, 50]);
  });
});

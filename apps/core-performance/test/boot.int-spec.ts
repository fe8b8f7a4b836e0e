import { httpJson } from '@sakip/testing';
import { startCore, type CoreHarness } from './core-harness';

describe('core-performance boots (integration)', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core?.close());

  it('is ready with its schema migrated and the single settings row seeded', async () => {
    const address = core.app.getHttpServer().address() as { port: number };
    const ready = await httpJson(`http://127.0.0.1:${address.port}`, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(await core.sql(`SELECT id, capaian_cap FROM core.settings`)).toEqual([{ id: 1, capaian_cap: '150.00' }]);
  });

  it('keeps the audit log append-only', async () => {
    await core.sql(`INSERT INTO core.audit_log (id, occurred_at, actor, operation, table_name) VALUES (gen_random_uuid(), now(), 'system:test', 'insert', 'x')`);
    await expect(core.sql(`DELETE FROM core.audit_log`)).rejects.toThrow(/append-only/);
  });
});

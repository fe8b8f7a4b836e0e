import { withPgClient } from '@sakip/persistence';
import { dropStaleTestDatabases } from './template-database';
import { testServers } from './test-env';

describe('dropStaleTestDatabases (integration)', () => {
  const old = `sakip_t_${(Date.now() - 48 * 3600_000).toString(36)}_stale1`;
  const fresh = `sakip_t_${Date.now().toString(36)}_fresh1`;
  const exists = (name: string) =>
    withPgClient(testServers.pgAdminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

  afterAll(async () => {
    await withPgClient(testServers.pgAdminUrl, async (c) => {
      for (const n of [old, fresh]) await c.query(`DROP DATABASE IF EXISTS ${n}`);
    });
  });

  it('drops databases of killed runs older than the limit and keeps recent ones', async () => {
    await withPgClient(testServers.pgAdminUrl, async (c) => {
      await c.query(`CREATE DATABASE ${old}`);
      await c.query(`CREATE DATABASE ${fresh}`);
    });
    const dropped = await dropStaleTestDatabases(testServers.pgAdminUrl, 24 * 3600_000);
    expect(dropped).toContain(old);
    expect(dropped).not.toContain(fresh);
    expect(await exists(old)).toBe(false);
    expect(await exists(fresh)).toBe(true);
  });
});

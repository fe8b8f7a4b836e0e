import { applyRolesAndSchemas, withPgClient } from '@sakip/persistence';
import { createTestStack, type TestStack } from '@sakip/testing';
import { join } from 'node:path';

/** Each service's login role owns its schema and has no rights on any other (ARCHITECTURE.md "Data"). */
describe('infra/postgres roles and grants (integration)', () => {
  let stack: TestStack;
  const as = <T = any>(role: string, q: string) => withPgClient(stack.db.urlFor(role), async (c) => (await c.query(q)).rows as T[]);

  beforeAll(async () => {
    stack = await createTestStack();
    await as('sakip_core', `CREATE TABLE core.secret_plans (id int PRIMARY KEY)`);
  });

  afterAll(async () => {
    await stack?.teardown();
  });

  it('creates one schema per service owned by its role', async () => {
    const rows = await withPgClient(stack.db.adminUrl, async (c) =>
      (await c.query(`SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname IN ('auth','core','integration','report','notification','file') ORDER BY nspname`)).rows,
    );
    expect(rows).toEqual([
      { nspname: 'auth', owner: 'sakip_auth' },
      { nspname: 'core', owner: 'sakip_core' },
      { nspname: 'file', owner: 'sakip_file' },
      { nspname: 'integration', owner: 'sakip_integration' },
      { nspname: 'notification', owner: 'sakip_notification' },
      { nspname: 'report', owner: 'sakip_report' },
    ]);
  });

  it('refuses the auth role any read of another service schema', async () => {
    await expect(as('sakip_auth', `SELECT * FROM core.secret_plans`)).rejects.toThrow(/permission denied for schema core/);
  });

  it('refuses the auth role creating objects in another schema or in public', async () => {
    await expect(as('sakip_auth', `CREATE TABLE core.intruder (id int)`)).rejects.toThrow(/permission denied/);
    await expect(as('sakip_auth', `CREATE TABLE public.intruder (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('lets the auth role work in its own schema and resolves unqualified names there', async () => {
    const rows = await as<{ n: string }>('sakip_auth', `SELECT count(*)::text AS n FROM users`);
    expect(rows).toEqual([{ n: '0' }]);
  });

  it('can be applied again without error (idempotent)', async () => {
    await expect(applyRolesAndSchemas(stack.db.adminUrl, join(__dirname))).resolves.toBeUndefined();
    await expect(as('sakip_auth', `SELECT * FROM core.secret_plans`)).rejects.toThrow(/permission denied/);
  });
});

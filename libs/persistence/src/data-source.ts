import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; its login role owns it and nothing else. */
  schema: string;
  entities: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations: MixedList<string | (new () => unknown)>;
  poolSize?: number;
  applicationName?: string;
}

export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's logger prints parameters (password hashes, tokens): errors surface through our handlers instead.
    logging: false,
    poolSize: o.poolSize ?? 10,
    applicationName: o.applicationName ?? o.schema,
    // Every statement sees only its own schema unless it qualifies another (grants forbid that anyway).
    extra: { options: `-c search_path=${o.schema}`, connectionTimeoutMillis: 5000 },
  });
}

/**
 * Runs pending migrations under a session advisory lock so replicas starting together apply each
 * once. The lock holds one pooled connection while TypeORM uses another: poolSize must be ≥ 2.
 */
export async function runMigrations(ds: DataSource, lockKey = `migrations:${String((ds.options as { schema?: string }).schema ?? 'public')}`): Promise<string[]> {
  const wasInitialized = ds.isInitialized;
  if (!wasInitialized) await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await runner.release();
    if (!wasInitialized) await ds.destroy();
  }
}

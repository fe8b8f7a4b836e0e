import { deleteStreamsOfPrefix } from './jetstream';
import { freshDatabase, type TestDatabase } from './template-database';
import { isolatedPrefixes, testServers } from './test-env';

export const TEMPLATE_ENV = 'SAKIP_TEST_TEMPLATE_DB';

/**
 * Everything one test file needs to run services in-process in isolation: its own database
 * (from the migrated template built by global setup), and NATS/Redis prefixes no other run uses.
 */
export interface TestStack {
  db: TestDatabase;
  /** Environment to load service configs from. */
  env: NodeJS.ProcessEnv;
  teardown(): Promise<void>;
}

export async function createTestStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestStack> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run tests through jest (global setup builds the template)`);
  const db = await freshDatabase(testServers.pgAdminUrl, template);
  const prefixes = isolatedPrefixes();
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    NATS_URL: testServers.natsUrl,
    REDIS_URL: testServers.redisUrl,
    ...prefixes,
    AUTH_DATABASE_URL: db.urlFor('sakip_auth'),
    CORE_DATABASE_URL: db.urlFor('sakip_core'),
    INTEGRATION_DATABASE_URL: db.urlFor('sakip_integration'),
    REPORT_DATABASE_URL: db.urlFor('sakip_report'),
    NOTIFICATION_DATABASE_URL: db.urlFor('sakip_notification'),
    FILE_DATABASE_URL: db.urlFor('sakip_file'),
    // Cheap hashing keeps the suite fast; production cost is checked by config validation and the bench.
    AUTH_ARGON2_MEMORY_KIB: '8192',
    AUTH_ARGON2_TIME_COST: '1',
    ...extraEnv,
  };
  const teardown = async () => {
    // Streams a service created under this run's prefix (EVENTS, DLQ) go with the run.
    await deleteStreamsOfPrefix(testServers.natsUrl, prefixes.NATS_PREFIX);
    await db.drop();
  };
  return { db, env, teardown };
}

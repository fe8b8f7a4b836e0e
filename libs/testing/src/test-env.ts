import { randomBytes } from 'node:crypto';

/** Shared servers for tests (CI and developer machines run them); URLs from env with local defaults. */
export const testServers = {
  pgAdminUrl: process.env['TEST_PG_ADMIN_URL'] ?? process.env['PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  natsUrl: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};

/** A token unique to this run: prefixes subjects, queue groups, streams, durables and Redis keys. */
export function uniqueToken(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export interface IsolatedPrefixes {
  NATS_PREFIX: string;
  REDIS_PREFIX: string;
}

export function isolatedPrefixes(): IsolatedPrefixes {
  const token = uniqueToken();
  return { NATS_PREFIX: `${token}.`, REDIS_PREFIX: `${token}:` };
}

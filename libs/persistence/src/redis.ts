import Redis from 'ioredis';

/**
 * A Redis client for caches, counters and revocation entries. Every key gets REDIS_PREFIX; no
 * offline queue, so a Redis outage fails fast instead of piling up commands.
 */
export function createRedisClient(url: string, prefix: string): Redis {
  const client = new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  client.on('error', () => undefined); // surfaced through readiness checks and call sites, not as crashes
  return client;
}

import { withPgClient } from '@sakip/persistence';
import { connect as natsConnect } from 'nats';
import Redis from 'ioredis';

const HOW_TO_START: Record<string, string> = {
  PostgreSQL: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  NATS: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
  Redis: 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
};

async function probe(name: string, url: string, fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    return `  ✗ ${name} is not reachable at ${url.replace(/\/\/[^@/]*@/, '//')} (${(err as Error).message})\n    start it with: ${HOW_TO_START[name]}\n    or point ${name === 'PostgreSQL' ? 'PG_ADMIN_URL' : name === 'NATS' ? 'NATS_URL' : 'REDIS_URL'} at a running one`;
  }
}

/** Checks PG, NATS and Redis together and names every one that is missing. */
export async function preflight(urls: { pgAdmin: string; nats: string; redis: string }): Promise<void> {
  const problems = (
    await Promise.all([
      probe('PostgreSQL', urls.pgAdmin, () => withPgClient(urls.pgAdmin, (c) => c.query('SELECT 1'))),
      probe('NATS', urls.nats, async () => {
        const nc = await natsConnect({ servers: urls.nats, timeout: 3000, reconnect: false });
        const jsm = await nc.jetstreamManager().catch(() => null);
        await nc.close();
        if (!jsm) throw new Error('JetStream is not enabled (start nats-server with -js)');
      }),
      probe('Redis', urls.redis, async () => {
        const r = new Redis(urls.redis, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
        r.on('error', () => undefined);
        try {
          await r.connect();
          await r.ping();
        } finally {
          r.disconnect();
        }
      }),
    ])
  ).filter((p): p is string => p !== null);
  if (problems.length) {
    throw new Error(`SAKIP needs PostgreSQL, NATS (JetStream) and Redis:\n${problems.join('\n')}`);
  }
}

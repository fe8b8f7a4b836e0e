import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ConfigError } from './load-config';

const URL_OF = (schemes: string) => new RegExp(`^(${schemes})://[^\\s]+$`);

/** Variables every app reads (ARCHITECTURE.md "Ports and configuration names"). Defaults fit a developer machine. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(URL_OF('nats|tls|wss?'), { message: 'NATS_URL must be a nats:// URL (comma-separated for a cluster)' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Prepended to every subject, queue group, stream and durable name: isolates test runs on a shared server. */
  @IsString() @Matches(/^([A-Za-z0-9_-]+\.)?$/, { message: 'NATS_PREFIX must be empty or a token ending with a dot' })
  NATS_PREFIX = '';

  @IsOptional() @IsString()
  NATS_USER?: string;

  @IsOptional() @IsString()
  NATS_PASSWORD?: string;

  @Matches(URL_OF('redis|rediss'), { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString() @Matches(/^[A-Za-z0-9_:.-]*$/)
  REDIS_PREFIX = '';

  /** RPC timeout for calls this app makes, in ms. */
  @IsInt() @Min(50) @Max(120_000)
  RPC_TIMEOUT_MS = 5000;

  /** How long SIGTERM waits with readiness 503 before closing, so load balancers stop sending. */
  @IsInt() @Min(0) @Max(60_000)
  SHUTDOWN_DRAIN_MS = 0;
}

/** Services with a schema of their own add the database settings. */
export class ServiceConfig extends BaseConfig {
  @IsOptional() @Matches(URL_OF('postgres|postgresql'), { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  // JetStream event path (libs/messaging EventsModule; README "Events (JetStream)").

  /** How often the outbox relay looks for pending rows, in ms; a local commit wakes it at once. */
  @IsInt() @Min(50) @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** Sent outbox rows are kept this long before the hourly prune deletes them. */
  @IsInt() @Min(1) @Max(24 * 90)
  OUTBOX_RETENTION_HOURS = 24;

  /** Handled event ids are kept this long; more than the EVENTS stream's 7 days, so a replay still dedupes. */
  @IsInt() @Min(8) @Max(365)
  INBOX_RETENTION_DAYS = 8;

  /** Deliveries of a failing event before it goes to the DLQ. */
  @IsInt() @Min(1) @Max(100)
  EVENTS_MAX_DELIVER = 5;

  /** An event unacknowledged this long is redelivered (a running handler keeps extending it). */
  @IsInt() @Min(1000) @Max(3_600_000)
  EVENTS_ACK_WAIT_MS = 30_000;
}

export const POSTGRES_URL = URL_OF('postgres|postgresql');

/**
 * A service's own database URL: `<SERVICE>_DATABASE_URL`, else `DATABASE_URL`, else the local
 * developer database logged in as the service's own role.
 */
export function serviceDatabaseUrl(serviceEnvPrefix: string, role: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${serviceEnvPrefix}_DATABASE_URL`];
  if (own) {
    if (!POSTGRES_URL.test(own)) throw new ConfigError([`${serviceEnvPrefix}_DATABASE_URL`], `${serviceEnvPrefix}_DATABASE_URL must be a postgres:// URL`);
    return own;
  }
  if (env['DATABASE_URL']) return env['DATABASE_URL'];
  return `postgres://${role}@127.0.0.1:5432/sakip`;
}

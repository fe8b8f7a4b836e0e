import { IsBoolean, IsIn, Matches, ValidateIf } from 'class-validator';
import { BaseConfig, ServiceConfig, serviceDatabaseUrl } from './base-config';
import { ConfigError, loadConfig } from './load-config';

/** A service config as an app would declare one: an SMTP URL becomes required once SMTP is chosen. */
class MailerConfig extends ServiceConfig {
  @IsIn(['log', 'smtp'])
  MAIL_TRANSPORT: 'log' | 'smtp' = 'log';

  @ValidateIf((c: MailerConfig) => c.MAIL_TRANSPORT === 'smtp')
  @Matches(/^smtps?:\/\/\S+$/)
  SMTP_URL?: string;

  @IsBoolean()
  MAIL_DRY_RUN = false;
}

function loadError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies every class default when the environment is empty', () => {
    const config = loadConfig(ServiceConfig, {});

    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_PREFIX: '',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: '',
      RPC_TIMEOUT_MS: 5000,
      SHUTDOWN_DRAIN_MS: 0,
      DATABASE_POOL_SIZE: 10,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset so the defaults still apply', () => {
    const config = loadConfig(ServiceConfig, { RPC_TIMEOUT_MS: '', NATS_URL: '', LOG_LEVEL: '', DATABASE_URL: '' });

    expect(config.RPC_TIMEOUT_MS).toBe(5000);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('coerces numeric variables to numbers', () => {
    const config = loadConfig(ServiceConfig, { RPC_TIMEOUT_MS: '250', SHUTDOWN_DRAIN_MS: '1500', DATABASE_POOL_SIZE: '3' });

    expect(config.RPC_TIMEOUT_MS).toBe(250);
    expect(config.SHUTDOWN_DRAIN_MS).toBe(1500);
    expect(config.DATABASE_POOL_SIZE).toBe(3);
  });

  it('reads string variables as given', () => {
    const config = loadConfig(ServiceConfig, {
      NODE_ENV: 'production',
      NATS_URL: 'nats://a:4222,nats://b:4222',
      NATS_PREFIX: 'run42.',
      DATABASE_URL: 'postgres://u:p@db:5432/sakip',
    });

    expect(config.NODE_ENV).toBe('production');
    expect(config.NATS_URL).toBe('nats://a:4222,nats://b:4222');
    expect(config.NATS_PREFIX).toBe('run42.');
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/sakip');
  });

  it('ignores variables the class does not declare, however odd their values', () => {
    const config = loadConfig(BaseConfig, { PATH: '/usr/bin', HOME: '', SOMETHING_ELSE: 'http://not-validated', RPC_TIMEOUT_MS: '250' });

    expect(config.RPC_TIMEOUT_MS).toBe(250);
    expect(config).not.toHaveProperty('PATH');
    expect(config).not.toHaveProperty('SOMETHING_ELSE');
    // BaseConfig does not declare the database settings; ServiceConfig does.
    expect(loadConfig(BaseConfig, { DATABASE_URL: 'mysql://nope' })).not.toHaveProperty('DATABASE_URL');
  });

  it('refuses a malformed URL, naming the variable but not its value', () => {
    const err = loadError(() => loadConfig(BaseConfig, { NATS_URL: 'http://secret-host.example' }));

    expect(err.variables).toEqual(['NATS_URL']);
    expect(err.message).toMatch(/^Invalid configuration: NATS_URL/);
    expect(err.message).not.toContain('secret-host');
    expect(err.name).toBe('ConfigError');
  });

  it('refuses a non-numeric number, naming the variable but not its value', () => {
    const err = loadError(() => loadConfig(BaseConfig, { RPC_TIMEOUT_MS: 'abc' }));

    expect(err.variables).toEqual(['RPC_TIMEOUT_MS']);
    expect(err.message).toContain('RPC_TIMEOUT_MS');
    expect(err.message).toContain('isInt');
    expect(err.message).not.toContain('abc');
  });

  it('enforces numeric ranges after coercion', () => {
    expect(loadError(() => loadConfig(BaseConfig, { RPC_TIMEOUT_MS: '10' })).variables).toEqual(['RPC_TIMEOUT_MS']);
    expect(loadError(() => loadConfig(BaseConfig, { RPC_TIMEOUT_MS: '2.5' })).variables).toEqual(['RPC_TIMEOUT_MS']);
    expect(loadError(() => loadConfig(BaseConfig, { SHUTDOWN_DRAIN_MS: '-1' })).variables).toEqual(['SHUTDOWN_DRAIN_MS']);
  });

  it('never echoes a secret-looking value of a malformed database URL', () => {
    const err = loadError(() => loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://admin:hunter2@db/sakip' }));

    expect(err.variables).toEqual(['DATABASE_URL']);
    expect(err.message).not.toContain('hunter2');
  });

  it('names every bad variable at once', () => {
    const err = loadError(() => loadConfig(ServiceConfig, { NATS_URL: 'http://x', RPC_TIMEOUT_MS: 'abc', LOG_LEVEL: 'loud', NATS_PREFIX: 'no-dot' }));

    expect([...err.variables].sort()).toEqual(['LOG_LEVEL', 'NATS_PREFIX', 'NATS_URL', 'RPC_TIMEOUT_MS']);
    for (const v of err.variables) expect(err.message).toContain(v);
    expect(err.message).not.toMatch(/http:\/\/x|abc|loud|no-dot/);
  });

  describe('a service config with a conditionally required variable', () => {
    it('loads without it while it is not needed', () => {
      const config = loadConfig(MailerConfig, {});

      expect(config).toBeInstanceOf(MailerConfig);
      expect(config.MAIL_TRANSPORT).toBe('log');
      expect(config.SMTP_URL).toBeUndefined();
      expect(config.RPC_TIMEOUT_MS).toBe(5000); // inherited defaults still apply
    });

    it('fails fast when it becomes required and is missing', () => {
      const err = loadError(() => loadConfig(MailerConfig, { MAIL_TRANSPORT: 'smtp' }));

      expect(err.variables).toEqual(['SMTP_URL']);
    });

    it('treats an empty required value as missing', () => {
      const err = loadError(() => loadConfig(MailerConfig, { MAIL_TRANSPORT: 'smtp', SMTP_URL: '' }));

      expect(err.variables).toEqual(['SMTP_URL']);
    });

    it('reads a declared property that has no default (known only from its decorators)', () => {
      const config = loadConfig(MailerConfig, { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://mail.local:25' });

      expect(config.SMTP_URL).toBe('smtp://mail.local:25');
    });

    it('does not leak the value of a malformed conditional variable', () => {
      const err = loadError(() => loadConfig(MailerConfig, { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'http://user:hunter2@mail' }));

      expect(err.variables).toEqual(['SMTP_URL']);
      expect(err.message).not.toContain('hunter2');
    });

    it.each([
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ])('coerces boolean %p to %p', (raw, expected) => {
      expect(loadConfig(MailerConfig, { MAIL_DRY_RUN: raw }).MAIL_DRY_RUN).toBe(expected);
    });

    it('refuses a boolean it cannot parse', () => {
      expect(loadError(() => loadConfig(MailerConfig, { MAIL_DRY_RUN: 'yes' })).variables).toEqual(['MAIL_DRY_RUN']);
    });
  });
});

describe('serviceDatabaseUrl', () => {
  it('prefers <SERVICE>_DATABASE_URL over DATABASE_URL', () => {
    expect(
      serviceDatabaseUrl('AUTH', 'sakip_auth', {
        AUTH_DATABASE_URL: 'postgres://own@db/sakip',
        DATABASE_URL: 'postgres://shared@db/sakip',
      }),
    ).toBe('postgres://own@db/sakip');
  });

  it('falls back to DATABASE_URL when the service has no URL of its own', () => {
    expect(serviceDatabaseUrl('AUTH', 'sakip_auth', { DATABASE_URL: 'postgres://shared@db/sakip' })).toBe('postgres://shared@db/sakip');
    expect(serviceDatabaseUrl('AUTH', 'sakip_auth', { AUTH_DATABASE_URL: '', DATABASE_URL: 'postgres://shared@db/sakip' })).toBe(
      'postgres://shared@db/sakip',
    );
  });

  it("ignores another service's URL", () => {
    expect(serviceDatabaseUrl('AUTH', 'sakip_auth', { FILE_DATABASE_URL: 'postgres://file@db/sakip' })).toBe(
      'postgres://sakip_auth@127.0.0.1:5432/sakip',
    );
  });

  it("defaults to the local database logged in as the service's role", () => {
    expect(serviceDatabaseUrl('AUTH', 'sakip_auth', {})).toBe('postgres://sakip_auth@127.0.0.1:5432/sakip');
    expect(serviceDatabaseUrl('CORE_PERFORMANCE', 'sakip_core', { DATABASE_URL: '' })).toBe('postgres://sakip_core@127.0.0.1:5432/sakip');
  });

  it('accepts the postgresql:// scheme too', () => {
    expect(serviceDatabaseUrl('AUTH', 'sakip_auth', { AUTH_DATABASE_URL: 'postgresql://own@db/sakip' })).toBe('postgresql://own@db/sakip');
  });

  it('throws on a malformed <SERVICE>_DATABASE_URL, naming it without its value', () => {
    let err: Error | undefined;
    try {
      serviceDatabaseUrl('AUTH', 'sakip_auth', { AUTH_DATABASE_URL: 'mysql://root:hunter2@db', DATABASE_URL: 'postgres://shared@db/sakip' });
    } catch (e) {
      err = e as Error;
    }

    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toContain('AUTH_DATABASE_URL');
    expect(err?.message).not.toContain('hunter2');
  });
});

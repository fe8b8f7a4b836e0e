import pino from 'pino';
import { createLogger, PinoNestLogger, type Logger } from './logger';
import { runWithRequestContext } from './request-context';

type Line = Record<string, unknown>;

/** Swaps the logger's destination (stdout) for an in-memory one, keeping its real serialisation. */
function capture(logger: Logger): { lines: Line[]; raw: string[] } {
  const raw: string[] = [];
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (s: string) => raw.push(s) };
  return {
    raw,
    get lines() {
      return raw.map((s) => JSON.parse(s) as Line);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createLogger', () => {
  it('writes JSON lines with the service name, level and ISO time', () => {
    const logger = createLogger('auth', 'info');
    const out = capture(logger);

    logger.info({ userCount: 3 }, 'hello');

    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ service: 'auth', level: 30, msg: 'hello', userCount: 3 });
    expect(out.lines[0]!['time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('honours the level', () => {
    const logger = createLogger('auth', 'warn');
    const out = capture(logger);

    logger.info('hidden');
    logger.warn('shown');

    expect(out.lines.map((l) => l['msg'])).toEqual(['shown']);
  });

  describe('request context', () => {
    it('adds the request id to lines written inside runWithRequestContext only', () => {
      const logger = createLogger('gateway', 'info');
      const out = capture(logger);

      logger.info('before');
      runWithRequestContext({ requestId: 'req-1' }, () => logger.info('inside'));
      logger.info('after');

      const [before, inside, after] = out.lines;
      expect(before).not.toHaveProperty('requestId');
      expect(inside).toMatchObject({ msg: 'inside', requestId: 'req-1' });
      expect(inside).not.toHaveProperty('userId');
      expect(after).not.toHaveProperty('requestId');
    });

    it('adds the user id when the context has one', () => {
      const logger = createLogger('gateway', 'info');
      const out = capture(logger);

      runWithRequestContext({ requestId: 'req-2', userId: 'u-7' }, () => logger.info('x'));

      expect(out.lines[0]).toMatchObject({ requestId: 'req-2', userId: 'u-7' });
    });

    it('follows async work and child loggers, without bleeding between concurrent requests', async () => {
      const logger = createLogger('gateway', 'info');
      const out = capture(logger);
      const child = logger.child({ component: 'users' });

      await Promise.all([
        runWithRequestContext({ requestId: 'A' }, async () => {
          await sleep(5);
          child.info('a1');
          await sleep(10);
          logger.info('a2');
        }),
        runWithRequestContext({ requestId: 'B' }, async () => {
          await sleep(1);
          logger.info('b1');
          await sleep(8);
          child.info('b2');
        }),
      ]);

      const byMsg = Object.fromEntries(out.lines.map((l) => [l['msg'], l['requestId']]));
      expect(byMsg).toEqual({ a1: 'A', a2: 'A', b1: 'B', b2: 'B' });
    });
  });

  describe('redaction', () => {
    it('censors passwords and refresh tokens, top-level and one level down', () => {
      const logger = createLogger('auth', 'info');
      const out = capture(logger);

      logger.info(
        {
          email: 'a@pemda.go.id',
          password: 'hunter2-top',
          newPassword: 'hunter2-new',
          refreshToken: 'rt-top-secret',
          body: { password: 'hunter2-nested', refreshToken: 'rt-nested-secret', newPassword: 'hunter2-nested-new', name: 'Siti' },
        },
        'login',
      );

      const [line] = out.lines;
      expect(line).toMatchObject({
        email: 'a@pemda.go.id',
        password: '[redacted]',
        newPassword: '[redacted]',
        refreshToken: '[redacted]',
        body: { password: '[redacted]', refreshToken: '[redacted]', newPassword: '[redacted]', name: 'Siti' },
      });
      expect(out.raw[0]).not.toMatch(/hunter2|rt-top-secret|rt-nested-secret/);
    });

    it('censors the authorization header of a logged request', () => {
      const logger = createLogger('gateway', 'info');
      const out = capture(logger);

      logger.info({ req: { method: 'GET', headers: { authorization: 'Bearer eyJsecret', accept: 'application/json' } } }, 'request');

      expect(out.lines[0]).toMatchObject({ req: { method: 'GET', headers: { authorization: '[redacted]', accept: 'application/json' } } });
      expect(out.raw[0]).not.toContain('eyJsecret');
    });
  });
});

describe('PinoNestLogger', () => {
  it("routes Nest's messages through pino with their context", () => {
    const logger = createLogger('auth', 'info');
    const out = capture(logger);
    const nest = new PinoNestLogger(logger);

    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('careful', 'Config');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    nest.debug('hidden at info', 'X');
    nest.verbose('hidden too', 'X');

    expect(out.lines.map((l) => [l['level'], l['msg'], l['context']])).toEqual([
      [30, 'Nest application successfully started', 'NestApplication'],
      [40, 'careful', 'Config'],
      [50, 'boom', 'ExceptionHandler'],
    ]);
    expect(out.lines[2]!['trace']).toBe('Error: boom\n    at x');
  });
});

describe('serializeError', () => {
  it('drops SQL parameters and the driver error that may hold secrets', () => {
    const { serializeError } = jest.requireActual('./logger') as typeof import('./logger');
    const err = Object.assign(new Error('duplicate key'), { query: 'INSERT … $1', parameters: ['$argon2id$secret'], driverError: { detail: 'x' }, code: '23505' });
    const out = serializeError(err) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toContain('argon2id');
    expect(out['parameters']).toBeUndefined();
    expect(out['message']).toBe('duplicate key');
    expect(out['code']).toBe('23505');
  });
});

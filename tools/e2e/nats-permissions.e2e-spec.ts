import { AUTH_SUBJECTS, INTEGRATION_JOBS, REPORT_JOBS } from '@sakip/contracts';
import { inboxPrefixFor, WorkQueue } from '@sakip/messaging';
import { createLogger } from '@sakip/observability';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AckPolicy, connect, ErrorCode, Events, JSONCodec, type NatsConnection, type NatsError, type Status } from 'nats';
import { E2eStack } from './stack';

/**
 * infra/nats.conf on a real NATS 2.9 server: a private nats-server (random port, temporary
 * JetStream store) with the production accounts and per-service users; auth and gateway booted
 * in-process with their own users. Subjects carry no NATS_PREFIX here (production layout): the
 * server is private to this suite, so nothing else can see them. Every client of a service user
 * takes that service's reply inbox (`_INBOX_<user>`, as libs/messaging's connectNats does): the
 * default `_INBOX.` is nobody's.
 */
const ROOT = join(__dirname, '..', '..');
const NATS_CONF = join(ROOT, 'infra', 'nats.conf');
const NATS_COMPOSE_CONF = join(ROOT, 'infra', 'nats.compose.conf');
const USERS = ['gateway', 'auth', 'core', 'integration', 'report', 'notification', 'file'] as const;
type User = (typeof USERS)[number];
/** Service-to-service auth RPCs (libs/contracts): everything else under auth.* is gateway-only. */
const SERVICE_AUTH_SUBJECTS: string[] = [AUTH_SUBJECTS.userList, AUTH_SUBJECTS.userProvision];
const USER_FACING_AUTH_SUBJECTS = Object.values(AUTH_SUBJECTS).filter((s) => !SERVICE_AUTH_SUBJECTS.includes(s));
const jc = JSONCodec<unknown>();

function natsServerBinary(): string {
  const candidates = [process.env['NATS_SERVER_BIN'], '/usr/sbin/nats-server', '/usr/local/bin/nats-server', '/usr/bin/nats-server'].filter(Boolean) as string[];
  const found = candidates.find((c) => existsSync(c)) ?? (spawnSync('nats-server', ['--version']).status === 0 ? 'nats-server' : undefined);
  if (!found) throw new Error('nats-server not found: install NATS 2.9 or set NATS_SERVER_BIN');
  return found;
}

/** Starts nats-server on a random port (`-p -1`) and resolves with its URL once it is ready. */
function startNatsServer(bin: string, conf: string, storeDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-c', conf, '-a', '127.0.0.1', '-p', '-1', '-sd', storeDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let ready = false;
    const fail = (err: Error) => {
      clearTimeout(timer);
      if (!ready) reject(err);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`nats-server did not become ready:\n${log}`));
    }, 15_000);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`nats-server exited (${code}):\n${log}`)));
    // Keep draining stderr after startup (a full pipe would block the server); keep only the tail.
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (ready) return;
      const port = /Listening for client connections on [\d.]+:(\d+)/.exec(log)?.[1];
      if (port && log.includes('Server is ready')) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, url: `nats://127.0.0.1:${port}` });
      }
    });
  });
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The error code of a rejected promise (`undefined` when it resolved). */
async function failureOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return (err as NatsError).code ?? (err as Error).message;
  }
}

describe('NATS accounts and permissions (infra/nats.conf on nats-server 2.9, e2e)', () => {
  const passwords = Object.fromEntries(USERS.map((u) => [u, `n${randomBytes(16).toString('hex')}`])) as Record<User, string>;
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(USERS.map((u) => [`NATS_${u.toUpperCase()}_PASSWORD`, passwords[u]])) };
  const clients = new Map<User, NatsConnection>();
  let bin: string;
  let tmp: string;
  let server: ChildProcess | undefined;
  let url: string;
  let s: E2eStack | undefined;

  const as = async (user: User): Promise<NatsConnection> => {
    let nc = clients.get(user);
    if (!nc) {
      nc = await connect({ servers: url, user, pass: passwords[user], name: `e2e-${user}`, inboxPrefix: inboxPrefixFor(user), reconnect: false });
      clients.set(user, nc);
    }
    return nc;
  };

  beforeAll(async () => {
    bin = natsServerBinary();
    tmp = mkdtempSync(join(tmpdir(), 'sakip-nats-e2e-'));
    ({ child: server, url } = await startNatsServer(bin, NATS_CONF, join(tmp, 'jetstream'), serverEnv));
    s = await E2eStack.start(
      { NATS_URL: url, NATS_PREFIX: '', RPC_TIMEOUT_MS: '3000' },
      {
        auth: { NATS_USER: 'auth', NATS_PASSWORD: passwords.auth },
        gateway: { NATS_USER: 'gateway', NATS_PASSWORD: passwords.gateway },
      },
    );
  }, 30_000);

  afterAll(async () => {
    try {
      await Promise.all([...clients.values()].map((nc) => nc.close().catch(() => undefined)));
      await s?.stop().catch(() => undefined);
    } finally {
      await stopProcess(server);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  }, 30_000);

  describe('the configuration files', () => {
    it('infra/nats.conf is valid for the installed NATS 2.9 server', () => {
      const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout;
      expect(version).toMatch(/v2\.\d+\.\d+/);
      const res = spawnSync(bin, ['-t', '-c', NATS_CONF], { env: serverEnv, encoding: 'utf8' });
      expect(`${res.status} ${res.stderr}${res.stdout}`).toMatch(/^0 .*is valid/s);
    });

    it('refuses to start when a password variable is missing', () => {
      const env = { ...serverEnv };
      delete env['NATS_REPORT_PASSWORD'];
      const res = spawnSync(bin, ['-t', '-c', NATS_CONF], { env, encoding: 'utf8' });
      expect(res.status).not.toBe(0);
      expect(res.stderr + res.stdout).toContain('NATS_REPORT_PASSWORD');
    });

    it('infra/nats.compose.conf adds only NATS >= 2.10 settings: without sync_interval it is valid on 2.9', () => {
      const dir = join(tmp, 'compose-check');
      mkdirSync(dir, { recursive: true });
      copyFileSync(NATS_CONF, join(dir, 'nats.conf'));
      const compose = readFileSync(NATS_COMPOSE_CONF, 'utf8').replace('store_dir: /data', `store_dir: "${join(tmp, 'compose-store')}"`);
      writeFileSync(join(dir, 'nats.compose.conf'), compose);
      const as210 = spawnSync(bin, ['-t', '-c', join(dir, 'nats.compose.conf')], { env: serverEnv, encoding: 'utf8' });
      const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout;
      if (/v2\.9\./.test(version)) expect(as210.stderr + as210.stdout).toMatch(/unknown field "sync_interval"/);
      writeFileSync(join(dir, 'nats.compose.conf'), compose.replace(/^\s*sync_interval:.*$/m, ''));
      const without = spawnSync(bin, ['-t', '-c', join(dir, 'nats.compose.conf')], { env: serverEnv, encoding: 'utf8' });
      expect(`${without.status} ${without.stderr}${without.stdout}`).toMatch(/^0 .*is valid/s);
    });
  });

  describe('authentication', () => {
    it('refuses anonymous clients and wrong passwords', async () => {
      expect(await failureOf(connect({ servers: url, reconnect: false }).then((nc) => nc.close()))).toBe(ErrorCode.AuthorizationViolation);
      expect(await failureOf(connect({ servers: url, user: 'auth', pass: passwords.gateway, reconnect: false }).then((nc) => nc.close()))).toBe(ErrorCode.AuthorizationViolation);
    });
  });

  describe('the apps under these permissions', () => {
    it('logs in through the gateway (gateway → auth RPC, auth replies on _INBOX_gateway) and serves /auth/me; no other user can read the token pairs', async () => {
      // A compromised service tries to listen to the gateway's reply inboxes (and every other
      // inbox) while a user logs in and refreshes: the server refuses each subscription.
      const others = USERS.filter((u) => u !== 'gateway');
      const snoopSubjects = [`${inboxPrefixFor('gateway')}.>`, '_INBOX.>', '>'];
      const snooped: string[] = [];
      const refused: string[] = [];
      const subs = [];
      for (const user of others) {
        const nc = await as(user);
        for (const subject of snoopSubjects) {
          subs.push(
            nc.subscribe(subject, {
              callback: (err, m) => {
                if (err) refused.push(`${user} ${subject}: ${err.code}`);
                else snooped.push(`${user} ${subject}: ${m.subject}`);
              },
            }),
          );
        }
        // The server answers SUB with -ERR before it answers the flush's PING.
        await nc.flush();
      }

      const admin = await s!.loginAdmin();
      expect(admin.accessToken).toEqual(expect.any(String));
      const me = await s!.http('GET', '/api/v1/auth/me', { token: admin.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.data.role).toBe('super_admin');
      const refreshed = await s!.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: admin.refreshToken } });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.data.accessToken).toEqual(expect.any(String));
      const ready = await s!.http('GET', '/health/ready');
      expect(ready.status).toBe(200);

      await Promise.all(others.map(async (u) => (await as(u)).flush()));
      expect(snooped).toEqual([]);
      expect(refused.sort()).toEqual(others.flatMap((u) => snoopSubjects.map((subject) => `${u} ${subject}: ${ErrorCode.PermissionsViolation}`)).sort());
      for (const sub of subs) sub.unsubscribe();
    });
  });

  describe('publishing', () => {
    it('refuses every user-facing auth request from any user but the gateway', async () => {
      const outcomes: string[] = [];
      for (const user of USERS.filter((u) => u !== 'gateway')) {
        const nc = await as(user);
        for (const subject of USER_FACING_AUTH_SUBJECTS) {
          const code = await failureOf(nc.request(subject, jc.encode({}), { timeout: 2000 }));
          if (code !== ErrorCode.PermissionsViolation) outcomes.push(`${user} → ${subject}: ${code ?? 'answered'}`);
        }
      }
      expect(outcomes).toEqual([]);
    });

    it('refuses the report user publishing a login request (it never reaches auth)', async () => {
      const nc = await as('report');
      expect(await failureOf(nc.request(AUTH_SUBJECTS.login, jc.encode({ email: 'a@b.co', password: 'x' }), { timeout: 2000 }))).toBe(ErrorCode.PermissionsViolation);
    });

    it('refuses a service client that waits for its reply on the shared default `_INBOX.` prefix', async () => {
      const nc = await connect({ servers: url, user: 'core', pass: passwords.core, name: 'e2e-core-default-inbox', reconnect: false });
      try {
        // The publish is allowed; the reply subscription (`_INBOX.<nuid>.*`) is not.
        expect(await failureOf(nc.request(AUTH_SUBJECTS.userList, jc.encode({ limit: 1 }), { timeout: 2000 }))).toBe(ErrorCode.PermissionsViolation);
      } finally {
        await nc.close();
      }
    });

    it('lets services call the system auth RPCs they need (not refused by the server)', async () => {
      const core = await failureOf((await as('core')).request(AUTH_SUBJECTS.userList, jc.encode({ limit: 1 }), { timeout: 2000 }));
      const integration = await failureOf((await as('integration')).request(AUTH_SUBJECTS.userProvision, jc.encode({}), { timeout: 2000 }));
      expect([core, integration]).not.toContain(ErrorCode.PermissionsViolation);
    });

    it('lets the gateway reach every service namespace but not publish events', async () => {
      const gw = await as('gateway');
      // No responder exists for core yet: the server reports that, instead of a permissions error.
      expect(await failureOf(gw.request('core.opd.list.v1', jc.encode({}), { timeout: 2000 }))).toBe(ErrorCode.NoResponders);
      expect(await failureOf(gw.request('evt.auth.user.created.v1', jc.encode({}), { timeout: 2000 }))).toBe(ErrorCode.PermissionsViolation);
    });
  });

  describe('subscribing', () => {
    /** Subscribes and resolves with the server's verdict: a permissions violation, or 'allowed'. */
    const trySubscribe = async (user: User, subject: string, queue?: string) => {
      const nc = await as(user);
      return new Promise<string>((resolve) => {
        const timer = setTimeout(() => {
          sub.unsubscribe();
          resolve('allowed');
        }, 750);
        const sub = nc.subscribe(subject, {
          queue,
          callback: (err) => {
            if (!err) return;
            clearTimeout(timer);
            resolve(err.code);
          },
        });
        void nc.flush();
      });
    };

    it("refuses a subscription to another service's requests, even inside its queue group", async () => {
      expect(await trySubscribe('report', AUTH_SUBJECTS.login, 'auth')).toBe(ErrorCode.PermissionsViolation);
      expect(await trySubscribe('gateway', 'auth.>', 'auth')).toBe(ErrorCode.PermissionsViolation);
    });

    it('refuses a service its own requests outside its queue group (no snooping), allows them inside', async () => {
      expect(await trySubscribe('auth', AUTH_SUBJECTS.login)).toBe(ErrorCode.PermissionsViolation);
      expect(await trySubscribe('core', 'core.opd.list.v1', 'core')).toBe('allowed');
    });

    it("lets each user subscribe to its own reply inboxes only: not another's, not the shared `_INBOX.>`", async () => {
      const cases = USERS.flatMap((user) => [
        ...USERS.map((owner) => ({ user, subject: `${inboxPrefixFor(owner)}.>`, expected: user === owner ? 'allowed' : ErrorCode.PermissionsViolation })),
        { user, subject: '_INBOX.>', expected: ErrorCode.PermissionsViolation },
      ]);
      const outcomes = await Promise.all(cases.map(async (c) => `${c.user} ${c.subject}: ${await trySubscribe(c.user, c.subject)}`));
      expect(outcomes).toEqual(cases.map((c) => `${c.user} ${c.subject}: ${c.expected}`));
    });

    it("reports the report user's refused subscription to the gateway's inboxes on the connection status and closes it", async () => {
      const nc = await as('report');
      // Subscription refusals come back asynchronously (-ERR): the status iterator reports them.
      const refused = (async (): Promise<Status | undefined> => {
        for await (const st of nc.status()) {
          if (st.type === Events.Error && st.permissionContext?.subject === '_INBOX_gateway.>') return st;
        }
        return undefined;
      })();
      const sub = nc.subscribe('_INBOX_gateway.>');
      const received: string[] = [];
      const iterated = (async () => {
        try {
          for await (const m of sub) received.push(m.subject);
          return 'ended';
        } catch (err) {
          return (err as NatsError).code;
        }
      })();
      await nc.flush();
      // -ERR precedes the flush's PONG, so the status is already queued (Jest's timeout bounds the wait).
      const status = await refused;
      expect(status).toEqual(expect.objectContaining({ type: Events.Error, data: ErrorCode.PermissionsViolation, permissionContext: expect.objectContaining({ operation: 'subscription', subject: '_INBOX_gateway.>' }) }));
      await sub.closed;
      expect(sub.isClosed()).toBe(true);
      expect(await iterated).toBe(ErrorCode.PermissionsViolation);
      expect(received).toEqual([]);
      // The connection itself stays up and keeps its own inbox working.
      expect(nc.isClosed()).toBe(false);
      expect(await trySubscribe('report', `${inboxPrefixFor('report')}.>`)).toBe('allowed');
    });
  });

  describe('JetStream', () => {
    it('lets services ensure EVENTS/DLQ, publish their own events, consume and ack; refuses the rest', async () => {
      const auth = await as('auth');
      const jsmAuth = await auth.jetstreamManager();
      // Ensure, as libs/messaging does at boot (auth may already have created them).
      for (const [name, subject] of [['EVENTS', 'evt.>'], ['DLQ', 'DLQ.>']]) {
        await jsmAuth.streams.info(name).catch(() => jsmAuth.streams.add({ name, subjects: [subject] }));
        expect((await jsmAuth.streams.info(name)).config.subjects).toEqual([subject]);
      }

      const js = auth.jetstream();
      const ack = await js.publish('evt.auth.user.created.v1', jc.encode({ id: 'u1' }), { msgID: 'evt-1' });
      expect(ack.stream).toBe('EVENTS');
      expect(await failureOf(js.publish('evt.core.opd.changed.v1', jc.encode({})))).toBe(ErrorCode.PermissionsViolation);
      expect((await js.publish('DLQ.evt.core.opd.changed.v1', jc.encode({}))).stream).toBe('DLQ');

      // core follows auth's user events with a durable pull consumer, explicit ack.
      const core = await as('core');
      const jsmCore = await core.jetstreamManager();
      await jsmCore.consumers.add('EVENTS', { durable_name: 'core_users', filter_subject: 'evt.auth.user.*.v1', ack_policy: AckPolicy.Explicit });
      const consumer = await core.jetstream().consumers.get('EVENTS', 'core_users');
      const batch = await consumer.fetch({ max_messages: 1, expires: 2000 });
      const received: string[] = [];
      for await (const m of batch) {
        received.push(m.subject);
        m.ack();
      }
      expect(received).toEqual(['evt.auth.user.created.v1']);

      // No user may delete or purge a stream; the gateway has no JetStream access at all.
      expect(await failureOf(jsmCore.streams.delete('EVENTS'))).toBe(ErrorCode.PermissionsViolation);
      expect(await failureOf(jsmCore.streams.purge('EVENTS'))).toBe(ErrorCode.PermissionsViolation);
      expect(await failureOf((await as('gateway')).jetstreamManager())).toBe(ErrorCode.PermissionsViolation);
    });

    it('lets integration-sync own its work queue (INTEGRATION_JOBS): create, publish jobs, pull and ack; nobody else may publish jobs', async () => {
      const integration = await as('integration');
      const queue = new WorkQueue<{ id: string }>({ nc: integration, prefix: '', service: 'integration', stream: INTEGRATION_JOBS.stream, subject: INTEGRATION_JOBS.subject, logger: createLogger('test', 'silent'), ackWaitMs: 5000 });
      const done: string[] = [];
      await queue.start({ run: async (job) => void done.push(job.id), giveUp: async () => undefined });
      await queue.publish({ id: 'run-1' });
      const deadline = Date.now() + 5000;
      while (!done.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await queue.stop();
      expect(done).toEqual(['run-1']);
      expect(await failureOf((await as('core')).jetstream().publish(INTEGRATION_JOBS.subject, jc.encode({ id: 'x' })))).toBe(ErrorCode.PermissionsViolation);
    });

    it('lets report-generation own its work queue (REPORT_JOBS); integration may not publish builds', async () => {
      const report = await as('report');
      const queue = new WorkQueue<{ id: string }>({ nc: report, prefix: '', service: 'report', stream: REPORT_JOBS.stream, subject: REPORT_JOBS.subject, logger: createLogger('test', 'silent'), ackWaitMs: 5000 });
      const done: string[] = [];
      await queue.start({ run: async (job) => void done.push(job.id), giveUp: async () => undefined });
      await queue.publish({ id: 'report-1' });
      const deadline = Date.now() + 5000;
      while (!done.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await queue.stop();
      expect(done).toEqual(['report-1']);
      expect(await failureOf((await as('integration')).jetstream().publish(REPORT_JOBS.subject, jc.encode({ id: 'x' })))).toBe(ErrorCode.PermissionsViolation);
    });
  });
});

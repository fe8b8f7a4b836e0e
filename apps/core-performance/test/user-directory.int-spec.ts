import { AUTH_EVENTS, AUTH_SUBJECTS, CORE_SUBJECTS, HEADER_IDENTITY, Role, type EventEnvelope, type UserSnapshot, type UserSnapshotPage } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { deleteStreamsOfPrefix, eventually, isolatedPrefixes, testServers } from '@sakip/testing';
import { connect, JSONCodec, type JetStreamClient, type NatsConnection, type Subscription } from 'nats';
import { randomUUID } from 'node:crypto';
import { UserDirectory } from '../src/users/user-directory';
import { callerAs, startCore, type CoreHarness } from './core-harness';

const codec = JSONCodec<any>();
const OPD_A = randomUUID();
const OPD_B = randomUUID();

const state = (userId: string, version: number, over: Partial<UserSnapshot> = {}) => ({
  userId,
  email: `${userId.slice(0, 8)}@pemda.test`,
  name: `User ${userId.slice(0, 8)}`,
  role: Role.AdminOpd,
  opdId: OPD_A,
  isActive: true,
  version,
  ...over,
});

/** core following auth's users: the snapshot at start (auth answered by a fake responder here), then the user events. */
describe('user directory (integration)', () => {
  // Our own prefix, known before core boots, so the fake auth can answer on it.
  const { NATS_PREFIX: prefix, REDIS_PREFIX } = isolatedPrefixes();
  let core: CoreHarness;
  let authNc: NatsConnection;
  let fakeAuth: Subscription | undefined;
  let js: JetStreamClient;
  let directory: UserDirectory;
  const requests: Array<{ payload: any; identity: string | undefined }> = [];

  const row = async (userId: string) => (await core.sql(`SELECT email, name, role, opd_id, is_active, version FROM core.user_directory WHERE user_id = $1`, [userId]))[0];
  const publish = async (subject: string, data: object) => {
    const envelope: EventEnvelope = { id: uuidv7(), subject, occurredAt: new Date().toISOString(), producer: 'auth', data };
    await js.publish(prefix + subject, codec.encode(envelope), { msgID: envelope.id });
    return envelope;
  };
  /** Waits until the directory has handled everything published before (events are handled in stream order). */
  const settle = async () => {
    const marker = randomUUID();
    await publish(AUTH_EVENTS.userCreated, state(marker, 1, { opdId: null, role: Role.Viewer }));
    await eventually(async () => (await row(marker)) !== undefined, { what: 'the marker user', timeoutMs: 10_000 });
  };

  /** auth's snapshot as the fake answers it: two per page whatever the limit asked, after one refusal. */
  const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
  const snapshot = [state(ids[0], 2), state(ids[1], 1, { opdId: OPD_B, role: Role.Viewer }), state(ids[2], 2)];
  const [newerByEvent, other, deactivatedFirst] = snapshot;

  beforeAll(async () => {
    authNc = await connect({ servers: testServers.natsUrl, noAsyncTraces: true });
    core = await startCore({ NATS_PREFIX: prefix, REDIS_PREFIX });
    js = core.nc.jetstream();
    directory = core.app.get(UserDirectory);
  });
  afterAll(async () => {
    await fakeAuth?.drain();
    await authNc?.close();
    await core?.close();
    await deleteStreamsOfPrefix(testServers.natsUrl, prefix);
  });

  it('boots without auth answering', async () => {
    expect(await core.call(CORE_SUBJECTS.settingsGet, {}, callerAs(Role.Viewer))).toMatchObject({ version: 1 });
    expect(await core.sql(`SELECT completed_at FROM core.snapshot_state WHERE source = 'auth.users'`)).toEqual([]);
  });

  it('follows user events, keeping the newer version whatever the order', async () => {
    const id = randomUUID();
    await publish(AUTH_EVENTS.userCreated, state(id, 1, { name: 'Ani' }));
    await publish(AUTH_EVENTS.userUpdated, { ...state(id, 3, { name: 'Ani Lestari', role: Role.Viewer, opdId: OPD_B }), changed: ['name', 'role', 'opdId'] });
    // An older update delivered late: ignored.
    await publish(AUTH_EVENTS.userUpdated, { ...state(id, 2, { name: 'Ani (old)' }), changed: ['name'] });
    await settle();
    expect(await row(id)).toEqual({ email: `${id.slice(0, 8)}@pemda.test`, name: 'Ani Lestari', role: 'viewer', opd_id: OPD_B, is_active: true, version: 3 });
    expect((await directory.usersOfOpd(OPD_B, [Role.Viewer])).map((u) => u.id)).toContain(id);
    expect((await directory.usersOfOpd(OPD_B, [Role.AdminOpd])).map((u) => u.id)).not.toContain(id);

    await publish(AUTH_EVENTS.userDeactivated, { userId: id, version: 4, deactivatedAt: new Date().toISOString() });
    await publish(AUTH_EVENTS.userUpdated, { ...state(id, 3, { name: 'Ani Lestari', role: Role.Viewer, opdId: OPD_B }), changed: [] }); // a replay
    await settle();
    expect(await row(id)).toMatchObject({ is_active: false, version: 4, name: 'Ani Lestari' });
    expect(await directory.byId(id)).toMatchObject({ id, isActive: false, role: Role.Viewer, opdId: OPD_B });
    expect((await directory.usersOfOpd(OPD_B)).map((u) => u.id)).not.toContain(id);
  });

  it('lets a newer event win over the snapshot, and a deactivation seen first keep the user out', async () => {
    await publish(AUTH_EVENTS.userUpdated, { ...state(newerByEvent.userId, 5, { name: 'Renamed later' }), changed: ['name'] });
    await publish(AUTH_EVENTS.userDeactivated, { userId: deactivatedFirst.userId, version: 3, deactivatedAt: new Date().toISOString() });
    await settle();
    // Known only as deactivated: kept as a placeholder, never handed out.
    expect(await directory.byId(deactivatedFirst.userId)).toBeNull();
    expect(await row(deactivatedFirst.userId)).toMatchObject({ is_active: false, version: 3 });
  });

  it('copies the snapshot from auth once it answers, retrying with back-off, as a service (no identity)', async () => {
    let calls = 0;
    fakeAuth = authNc.subscribe(`${prefix}${AUTH_SUBJECTS.userList}`, {
      callback: (_err, msg) => {
        const payload = codec.decode(msg.data);
        requests.push({ payload, identity: msg.headers?.get(HEADER_IDENTITY) || undefined });
        if (calls++ === 0) return msg.respond(codec.encode({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'auth is starting', details: [] } }));
        const start = payload.cursor ? Number(Buffer.from(payload.cursor, 'base64url').toString()) : 0;
        const items = snapshot.slice(start, start + 2).map((u) => ({ ...u, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }));
        const next = start + 2 < snapshot.length ? Buffer.from(String(start + 2)).toString('base64url') : null;
        const page: UserSnapshotPage = { items, nextCursor: next };
        msg.respond(codec.encode({ ok: true, data: page }));
      },
    });
    const [done] = await eventually(async () => {
      const rows = await core.sql(`SELECT completed_at FROM core.snapshot_state WHERE source = 'auth.users' AND completed_at IS NOT NULL`);
      return rows.length > 0 && rows;
    }, { what: 'the snapshot to complete', timeoutMs: 20_000, intervalMs: 100 });
    expect(done.completed_at).toBeInstanceOf(Date);

    expect(requests.length).toBe(3); // refused once, then two pages
    expect(requests.every((r) => r.identity === undefined)).toBe(true);
    expect(requests[0].payload).toEqual({ limit: 1000 });
    expect(requests[2].payload).toEqual({ limit: 1000, cursor: Buffer.from('2').toString('base64url') });

    expect(await row(other.userId)).toEqual({ email: other.email, name: other.name, role: 'viewer', opd_id: OPD_B, is_active: true, version: 1 });
    expect(await row(newerByEvent.userId)).toMatchObject({ name: 'Renamed later', version: 5 });
    expect(await row(deactivatedFirst.userId)).toMatchObject({ is_active: false, version: 3 });
    expect(await directory.byId(deactivatedFirst.userId)).toBeNull();
    expect(await directory.byId(other.userId)).toEqual({ id: other.userId, email: other.email, name: other.name, role: Role.Viewer, opdId: OPD_B, isActive: true, version: 1 });
    expect((await directory.usersOfOpd(OPD_A)).map((u) => u.id)).toEqual([newerByEvent.userId]);
  }, 30_000);
});

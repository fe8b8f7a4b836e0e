import { INTEGRATION_EVENTS, INTEGRATION_SUBJECTS, Role, type IntegrationHealthView, type IntegrationView, type Page, type QuarantineView, type SyncAccepted, type SyncLogView } from '@sakip/contracts';
import { EVENTS_STREAM, streamNameFor } from '@sakip/messaging';
import { callerAs, errorCodeOf, readStream } from '@sakip/testing';
import { SIMULATOR_CREDENTIALS } from '../integration-simulator';
import { startIntegration, type IntegrationHarness } from './integration-harness';

jest.setTimeout(60_000);

const admin = callerAs(Role.SuperAdmin);

describe('integration-sync (in-process, simulator, core faked on NATS)', () => {
  let h: IntegrationHarness;
  let n = 0;

  beforeAll(async () => {
    h = await startIntegration();
    for (let i = 1; i <= 25; i++) h.core.knownCodes.add(`1.02.01.2.01.${String(i).padStart(4, '0')}`);
    h.core.opds = [
      { opdId: '0b7e7a52-7c1b-4a55-9d55-6b0e8f3f0a01', code: 'OPD-A', name: 'Dinas Kesehatan' },
      { opdId: '0b7e7a52-7c1b-4a55-9d55-6b0e8f3f0a02', code: 'OPD-B', name: 'Dinas Pendidikan' },
    ];
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  beforeEach(() => h.sim.calm());

  const createSipd = (extra: Record<string, unknown> = {}) =>
    h.call<IntegrationView>(INTEGRATION_SUBJECTS.create, { type: 'sipd', name: `SIPD ${++n}`, baseUrl: `${h.sim.url}/sipd`, credentials: { apiKey: SIMULATOR_CREDENTIALS.apiKey }, syncFrequency: 'manual', options: { years: [2025, 2026] }, ...extra }, admin);
  const sync = (id: string) => h.call<SyncAccepted>(INTEGRATION_SUBJECTS.sync, { id }, admin);
  const settled = (id: string, runId: string) =>
    h.until(async () => {
      const page = await h.call<Page<SyncLogView>>(INTEGRATION_SUBJECTS.logs, { id, limit: 100 }, admin);
      const run = page.items.find((r) => r.id === runId);
      return run && ['success', 'partial', 'failed'].includes(run.status) ? run : null;
    }, `run ${runId} to settle`);

  describe('CRUD', () => {
    it('creates with credentials sealed (never returned, not readable in the table) and schedules a cron in the Pemda time zone', async () => {
      const created = await createSipd({ syncFrequency: '30 1 * * *' });
      expect(created).toMatchObject({ type: 'sipd', isActive: true, credentialNames: ['apiKey'], syncFrequency: '30 1 * * *', lastSync: null, version: 1 });
      expect(JSON.stringify(created)).not.toContain(SIMULATOR_CREDENTIALS.apiKey);
      // 01:30 WIB is 18:30 UTC the day before.
      expect(new Date(created.nextRunAt!).getUTCHours()).toBe(18);
      expect(new Date(created.nextRunAt!).getUTCMinutes()).toBe(30);
      const [row] = await h.sql(`SELECT credentials, credentials_key_id FROM integration.integrations WHERE id = $1`, [created.id]);
      expect(Buffer.from(row.credentials).toString('latin1')).not.toContain(SIMULATOR_CREDENTIALS.apiKey);
      const audit = await h.sql(`SELECT new_values FROM integration.audit_log WHERE row_id = $1`, [created.id]);
      expect(JSON.stringify(audit)).not.toContain(SIMULATOR_CREDENTIALS.apiKey);
      const got = await h.call<IntegrationView>(INTEGRATION_SUBJECTS.get, { id: created.id }, admin);
      expect(got).toEqual(created);
    });

    it('refuses bad input with 400, duplicates with 409, stale versions with 412, other roles with 403', async () => {
      const bad = (body: Record<string, unknown>) => errorCodeOf(createSipd(body));
      expect(await bad({ syncFrequency: '99 * * * *' })).toBe('VALIDATION_FAILED');
      expect(await bad({ syncFrequency: 'often' })).toBe('VALIDATION_FAILED');
      expect(await bad({ credentials: { token: 'x' } })).toBe('VALIDATION_FAILED');
      expect(await bad({ baseUrl: 'ftp://example.org' })).toBe('VALIDATION_FAILED');
      expect(await bad({ options: { years: [2020, 2021, 2022, 2023, 2024, 2025, 2026] } })).toBe('VALIDATION_FAILED');
      expect(await bad({ options: { years: 2026 } })).toBe('VALIDATION_FAILED');
      const dup = await createSipd();
      expect(await errorCodeOf(createSipd({ name: dup.name.toUpperCase() }))).toBe('CONFLICT');
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.update, { id: dup.id, name: 'x', expectedVersion: 7 }, admin))).toBe('PRECONDITION_FAILED');
      const updated = await h.call<IntegrationView>(INTEGRATION_SUBJECTS.update, { id: dup.id, syncFrequency: 'daily', expectedVersion: 1 }, admin);
      expect(updated).toMatchObject({ syncFrequency: 'daily', version: 2 });
      expect(updated.nextRunAt).not.toBeNull();
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.list, {}, callerAs(Role.AdminOpd, '0b7e7a52-7c1b-4a55-9d55-6b0e8f3f0a01')))).toBe('FORBIDDEN');
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.get, { id: '0b7e7a52-7c1b-4a55-9d55-6b0e8f3f0a99' }, admin))).toBe('NOT_FOUND');
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.get, { id: 'nope' }, admin))).toBe('VALIDATION_FAILED');
    });

    it('refuses base URLs aimed at private, loopback, link-local or metadata addresses unless allow-listed (SSRF)', async () => {
      for (const baseUrl of ['http://169.254.169.254/latest', 'http://10.1.2.3/api', 'http://[::1]:8080/', 'http://localhost:9/', 'http://192.168.1.1/', 'http://user:pw@example.org/']) {
        expect([baseUrl, await errorCodeOf(createSipd({ baseUrl }))]).toEqual([baseUrl, 'VALIDATION_FAILED']);
      }
      // 127.0.0.1 is on INTEGRATION_ALLOWED_HOSTS here (the simulator): accepted.
      await expect(createSipd()).resolves.toMatchObject({ baseUrl: `${h.sim.url}/sipd` });
    });

    it('lists paged with the latest sync, and deletes (404 afterwards)', async () => {
      const one = await createSipd();
      const page = await h.call<Page<IntegrationView>>(INTEGRATION_SUBJECTS.list, { limit: 2, type: 'sipd' }, admin);
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThanOrEqual(3);
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.list, { sort: 'credentials' }, admin))).toBe('VALIDATION_FAILED');
      await h.call(INTEGRATION_SUBJECTS.delete, { id: one.id }, admin);
      expect(await errorCodeOf(h.call(INTEGRATION_SUBJECTS.get, { id: one.id }, admin))).toBe('NOT_FOUND');
    });
  });

  describe('SIPD sync', () => {
    it('sends budget to core in batches of at most 1,000, quarantines unknown codes, and a second run changes nothing', async () => {
      const integration = await createSipd();
      const first = await sync(integration.id);
      expect(first.status).toBe('queued');
      // The same trigger while it is queued or running returns that run.
      expect((await sync(integration.id)).syncLogId).toBe(first.syncLogId);
      const run = await settled(integration.id, first.syncLogId);
      // 30 codes × (pagu murni + perubahan for ~30 % + 12 or 10 months) for two years; 5 codes unknown to core.
      expect(run).toMatchObject({ status: 'partial', trigger: 'manual', updated: 0, error: null });
      expect(run.inserted).toBe(h.core.allocations.size + h.core.realizations.size);
      expect(run.failed).toBeGreaterThan(0);
      expect(h.core.budgetCalls.every((c) => (c.allocations?.length ?? 0) + (c.realizations?.length ?? 0) <= 1000)).toBe(true);
      const quarantine = await h.call<Page<QuarantineView>>(INTEGRATION_SUBJECTS.quarantine, { id: integration.id, limit: 100 }, admin);
      expect(quarantine.items.map((q) => q.recordKey).sort()).toEqual(['1.02.01.2.01.0026', '1.02.01.2.01.0027', '1.02.01.2.01.0028', '1.02.01.2.01.0029', '1.02.01.2.01.0030']);
      expect(quarantine.items[0]!.reason).toMatch(/no sub-kegiatan with this SIPD code/);

      const again = await sync(integration.id);
      const second = await settled(integration.id, again.syncLogId);
      expect(second).toMatchObject({ status: 'partial', inserted: 0, updated: 0, unchanged: run.inserted });
      const view = await h.call<IntegrationView>(INTEGRATION_SUBJECTS.get, { id: integration.id }, admin);
      expect(view.lastSync?.id).toBe(again.syncLogId);
    });

    it('rides out 503s, a 429 with Retry-After, a hung request and a garbled page; malformed rows are quarantined, not fatal', async () => {
      const integration = await createSipd({ options: { years: [2026] } });
      h.sim.behaviour = { ...h.sim.behaviour, failNext: 2, rateLimitNext: 1, retryAfterSec: 1, hangNext: 1, garbleNext: 1, malformedEvery: 7 };
      const before = h.sim.requests.length;
      const { syncLogId } = await sync(integration.id);
      const run = await settled(integration.id, syncLogId);
      expect(run.status).toBe('partial');
      // Each misbehaviour cost one extra request; the page then came through.
      expect(h.sim.requests.length - before).toBeGreaterThanOrEqual(6);
      const quarantine = await h.call<Page<QuarantineView>>(INTEGRATION_SUBJECTS.quarantine, { id: integration.id, limit: 100 }, admin);
      const malformed = quarantine.items.filter((q) => /pagu_murni/.test(q.reason));
      expect(malformed.map((q) => q.recordKey)).toEqual(expect.arrayContaining(['1.02.01.2.01.0007', '1.02.01.2.01.0014', '1.02.01.2.01.0021', '1.02.01.2.01.0028']));
    });

    it('fails a run the upstream keeps refusing, with the failed event, and lowers the health score', async () => {
      const integration = await createSipd({ options: { years: [2026] }, name: 'SIPD wrong key', credentials: { apiKey: 'wrong' } });
      const { syncLogId } = await sync(integration.id);
      const run = await settled(integration.id, syncLogId);
      expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused the credentials \(401\)/) });
      const events = await h.until(async () => {
        const stored = await readStream(await h.nc.jetstreamManager(), streamNameFor(h.stack.env['NATS_PREFIX']!, EVENTS_STREAM), h.stack.env['NATS_PREFIX']! + INTEGRATION_EVENTS.syncFailed);
        return stored.filter((m) => (m.data as { data: { runId: string } }).data.runId === syncLogId).length ? stored : null;
      }, 'the sync failed event');
      expect(JSON.stringify(events)).not.toContain('wrong');
      const health = await h.call<IntegrationHealthView>(INTEGRATION_SUBJECTS.health, { id: integration.id }, admin);
      expect(health).toMatchObject({ score: 0, status: 'failing', runsConsidered: 1, consecutiveFailures: 1, lastSuccessAt: null });
    });

    it('resumes an interrupted run after its last finished page, without sending the earlier pages again', async () => {
      const integration = await createSipd({ options: { years: [2025] }, name: 'SIPD resumed' });
      h.sim.maxPageSize = 10; // 30 codes: pages 1–3
      // A worker died holding this run after page 1 of 2025 (its lease ran out); the queue redelivers the job.
      const [{ id }] = await h.sql<{ id: string }>(
        `INSERT INTO integration.sync_runs (id, integration_id, trigger, requested_by, status, attempts, lease_until, checkpoint, inserted, started_at)
         VALUES (gen_random_uuid(), $1, 'manual', 'user:x', 'running', 1, now() - interval '1 minute', '{"year": 2025, "page": 1}', 17, now()) RETURNING id`,
        [integration.id],
      );
      const from = h.sim.requests.length;
      await h.scheduler.tick(new Date(Date.now() + 60_000));
      const run = await settled(integration.id, id);
      const pages = h.sim.requests.slice(from).filter((r) => r.path === '/sipd/sub-kegiatan').map((r) => r.query.get('page'));
      expect(pages).toEqual(['2', '3']);
      expect(run.attempts).toBe(2);
      expect(run.inserted).toBeGreaterThanOrEqual(17);
    });
  });

  describe('schedules', () => {
    it('queues one run per due slot, moves the slot on, and a second tick adds nothing', async () => {
      const integration = await createSipd({ syncFrequency: 'hourly', options: { years: [2026] } });
      await h.sql(`UPDATE integration.integrations SET next_run_at = now() - interval '1 minute' WHERE id = $1`, [integration.id]);
      // Two replicas ticking at the same moment: one takes the slot, the other finds nothing.
      const [a, b] = await Promise.all([h.scheduler.tick(), h.scheduler.tick()]);
      const queued = [...a, ...b];
      const mine = (await h.sql<{ id: string }>(`SELECT id FROM integration.sync_runs WHERE integration_id = $1`, [integration.id])).map((r) => r.id);
      expect(mine).toHaveLength(1);
      expect(queued).toEqual([mine[0]]);
      const [{ next_run_at }] = await h.sql(`SELECT next_run_at FROM integration.integrations WHERE id = $1`, [integration.id]);
      expect(new Date(next_run_at).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(next_run_at).getUTCMinutes()).toBe(0);
      await h.scheduler.tick();
      expect(await h.sql(`SELECT id FROM integration.sync_runs WHERE integration_id = $1`, [integration.id])).toHaveLength(1);
      const run = await settled(integration.id, mine[0]!);
      expect(run.trigger).toBe('schedule');
    });
  });

  describe('SIMPEG sync', () => {
    it('copies staff by NIP, sends OPD heads to core, provisions accounts when asked, then pulls only what changed', async () => {
      const integration = await h.call<IntegrationView>(
        INTEGRATION_SUBJECTS.create,
        { type: 'simpeg', name: 'SIMPEG BKN', baseUrl: `${h.sim.url}/simpeg`, credentials: { username: SIMULATOR_CREDENTIALS.username, password: SIMULATOR_CREDENTIALS.password }, syncFrequency: 'manual', options: { provisionUsers: true } },
        admin,
      );
      h.sim.data.employees.push({ nip: '198001012000121999', nama: 'Tanpa Unit', kode_unit: 'U9999', jabatan: 'Staf', golongan: null, email: null, is_kepala: false, updated_at: '2026-11-01T00:00:00.000Z' });
      const first = await settled(integration.id, (await sync(integration.id)).syncLogId);
      expect(first).toMatchObject({ status: 'partial', inserted: 8, failed: 1 });
      expect([...h.core.heads.values()].map((hd) => hd.name).sort()).toEqual(['Kepala Dinas Kesehatan', 'Kepala Dinas Pendidikan']);
      expect(h.core.provisioned.map((p) => [p.email, p.role, p.externalRef])).toEqual(
        expect.arrayContaining([['kepala.opd1@pemda.test', 'viewer', expect.stringMatching(/^simpeg:\d{18}$/)]]),
      );
      const quarantine = await h.call<Page<QuarantineView>>(INTEGRATION_SUBJECTS.quarantine, { id: integration.id }, admin);
      expect(quarantine.items).toEqual([expect.objectContaining({ recordKey: 'nip:198001012000121999', reason: expect.stringMatching(/kode_unit U9999/) })]);
      const [{ cursor }] = await h.sql(`SELECT cursor FROM integration.integrations WHERE id = $1`, [integration.id]);
      expect(cursor).toEqual({ updatedSince: '2026-11-01T00:00:00.000Z' });

      // One employee changes upstream: the next run asks for updated_since and touches only that one.
      const moved = h.sim.data.employees[1]!;
      Object.assign(moved, { jabatan: 'Kepala Bidang', updated_at: '2026-11-20T00:00:00.000Z' });
      const from = h.sim.requests.length;
      const second = await settled(integration.id, (await sync(integration.id)).syncLogId);
      expect(h.sim.requests.slice(from).find((r) => r.path === '/simpeg/pegawai')?.query.get('updated_since')).toBe('2026-11-01T00:00:00.000Z');
      expect(second).toMatchObject({ inserted: 0, updated: 1 });
      const [{ position }] = await h.sql(`SELECT position FROM integration.employees WHERE integration_id = $1 AND nip = $2`, [integration.id, moved['nip']]);
      expect(position).toBe('Kepala Bidang');
    });
  });
});

import { CORE_EVENTS, CORE_SUBJECTS, FILE_SUBJECTS, HEADER_IDENTITY, Role, type CallerIdentity, type ImportAccepted, type ImportRowView, type ImportView, type Page } from '@sakip/contracts';
import { deleteStreamsOfPrefix, eventually, isolatedPrefixes, testServers } from '@sakip/testing';
import ExcelJS from 'exceljs';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedIndicator, seedOpd, seedPlan } from './achievement-fixtures';
import { callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const codec = JSONCodec<any>();
const HEADER = 'indicatorId,year,period,realization,notes';

/** Achievement import (issue #7), with the file service faked: its download grant RPC and internal HTTP. */
describe('achievement import (integration)', () => {
  const { NATS_PREFIX: prefix, REDIS_PREFIX } = isolatedPrefixes();
  let core: CoreHarness;
  let fileNc: NatsConnection;
  let fakeFile: Subscription;
  let http: Server;
  let baseUrl: string;
  const files = new Map<string, { bytes: Buffer; delayMs?: number }>();
  const grantedTo: Array<{ fileId: string; identity: CallerIdentity | null }> = [];

  let opdA: string;
  let opdB: string;
  let quarterly: string;
  let annual: string;
  let foreign: string;
  let adminA: CallerIdentity;

  const upload = (content: string | Buffer, delayMs?: number) => {
    const id = randomUUID();
    files.set(id, { bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, delayMs });
    return id;
  };
  const start = (fileId: string, who = adminA) => core.call<ImportAccepted>(CORE_SUBJECTS.importCreate, { fileId }, who);
  const get = (id: string, who = adminA) => core.call<ImportView>(CORE_SUBJECTS.importGet, { id }, who);
  const finished = (id: string) => eventually(async () => {
    const v = await get(id);
    return (v.status === 'done' || v.status === 'failed') && v;
  }, { what: `import ${id} to finish`, timeoutMs: 15_000 });
  const rows = (id: string, q: object = {}) => core.call<Page<ImportRowView>>(CORE_SUBJECTS.importRows, { id, ...q }, adminA);
  const achievement = async (indicatorId: string, year: number, period: string) =>
    (await core.sql(`SELECT id, realization::text AS realization, notes, status, version FROM core.achievements WHERE indicator_id = $1 AND year = $2 AND period = $3`, [indicatorId, year, period]))[0];
  const count = async (sql: string, params: unknown[] = []) => Number((await core.sql(sql, params))[0].n);
  const writes = () =>
    Promise.all([
      count(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = 'achievements'`),
      count(`SELECT count(*) AS n FROM core.achievement_history`),
    ]);

  beforeAll(async () => {
    http = createServer((req, res) => {
      const token = (req.url ?? '').split('/').pop() ?? '';
      const file = files.get(token);
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    fileNc = await connect({ servers: testServers.natsUrl, noAsyncTraces: true });
    fakeFile = fileNc.subscribe(`${prefix}${FILE_SUBJECTS.downloadAuthorize}`, {
      callback: (_err, msg) => {
        const { fileId } = codec.decode(msg.data);
        const identity = msg.headers?.get(HEADER_IDENTITY);
        grantedTo.push({ fileId, identity: identity ? JSON.parse(identity) : null });
        const file = files.get(fileId);
        if (!file) return msg.respond(codec.encode({ ok: false, error: { code: 'NOT_FOUND', message: 'File not found', details: [] } }));
        const path = `/internal/downloads/${fileId}`;
        const grant = { fileId, token: fileId, path, url: baseUrl + path, expiresAt: new Date(Date.now() + 60_000).toISOString(), filename: 'x', contentType: 'text/csv', sizeBytes: file.bytes.length };
        setTimeout(() => msg.respond(codec.encode({ ok: true, data: grant })), file.delayMs ?? 0);
      },
    });

    core = await startCore({ NATS_PREFIX: prefix, REDIS_PREFIX });
    opdA = await seedOpd(core);
    opdB = await seedOpd(core);
    const planA = await seedPlan(core, opdA, 2025);
    quarterly = await seedIndicator(core, planA, { frequency: 'quarterly' });
    annual = await seedIndicator(core, planA, { frequency: 'annual' });
    foreign = await seedIndicator(core, await seedPlan(core, opdB, 2025), { frequency: 'quarterly' });
    adminA = callerAs(Role.AdminOpd, opdA);
  }, 60_000);

  afterAll(async () => {
    await fakeFile?.drain();
    await fileNc?.close();
    await core?.close();
    await new Promise((resolve) => http?.close(resolve));
    await deleteStreamsOfPrefix(testServers.natsUrl, prefix);
  });

  it('applies the good rows of a CSV and rejects only the bad ones, with reasons', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      `${quarterly},2026,Q1,87.5,"first, quarter"`,
      `${quarterly},2026,Q2,90,`,
      `${quarterly},2026,M01,1,wrong period`,
      `${annual},2026,Y,12.12345,too many decimals`,
      `${foreign},2026,Q1,5,another OPD`,
      `${annual},2040,Y,5,outside the plan`,
      '',
      `${annual},2026,Y,70,`,
    ].join('\r\n');
    const fileId = upload(csv);
    const [audits, history] = await writes();
    const accepted = await start(fileId);
    expect(accepted).toEqual({ id: expect.any(String), status: 'queued' });

    const job = await finished(accepted.id);
    expect(job).toMatchObject({ id: accepted.id, status: 'done', total: 7, succeeded: 3, failed: 4, fileId, error: null, finishedAt: expect.any(String) });
    expect(grantedTo.find((g) => g.fileId === fileId)?.identity).toMatchObject({ actor: adminA.actor, opdId: opdA });

    expect(await achievement(quarterly, 2026, 'Q1')).toMatchObject({ realization: '87.5000', notes: 'first, quarter', status: 'draft', version: 1 });
    expect(await achievement(annual, 2026, 'Y')).toMatchObject({ realization: '70.0000', status: 'draft' });
    expect(await achievement(quarterly, 2026, 'M01')).toBeUndefined();
    expect(await achievement(foreign, 2026, 'Q1')).toBeUndefined();
    expect(await writes()).toEqual([audits + 3, history + 3]);
    expect(await count(`SELECT count(*) AS n FROM core.outbox WHERE subject = $1 AND data->>'ownerId' = $2 AND data->>'ownerType' = 'import'`, [CORE_EVENTS.fileLinksChanged, accepted.id])).toBe(1);

    const bad = await rows(accepted.id, { ok: false });
    expect(bad.items).toEqual([
      { row: 4, ok: false, error: expect.stringContaining('period') },
      { row: 5, ok: false, error: expect.stringContaining('realization') },
      { row: 6, ok: false, error: 'indicatorId: Indicator not found' },
      { row: 7, ok: false, error: expect.stringContaining('year') },
    ]);
    const all = await rows(accepted.id, { limit: 2 });
    expect(all.items).toEqual([
      { row: 2, ok: true, achievementId: expect.any(String) },
      { row: 3, ok: true, achievementId: expect.any(String) },
    ]);
  });

  it('re-importing the same content changes nothing; a changed value updates a draft; a submitted achievement is refused', async () => {
    const content = [HEADER, `${quarterly},2027,Q1,10,`, `${quarterly},2027,Q2,20,`, `${quarterly},2027,Q3,30,`].join('\n');
    const first = await finished((await start(upload(content))).id);
    expect(first).toMatchObject({ status: 'done', succeeded: 3, failed: 0 });
    const before = await writes();
    const q1 = await achievement(quarterly, 2027, 'Q1');

    const again = await finished((await start(upload(content))).id);
    expect(again).toMatchObject({ status: 'done', total: 3, succeeded: 3, failed: 0 });
    expect(await writes()).toEqual(before);
    expect(await achievement(quarterly, 2027, 'Q1')).toEqual(q1);

    await core.sql(`UPDATE core.achievements SET status = 'submitted' WHERE indicator_id = $1 AND year = 2027 AND period = 'Q2'`, [quarterly]);
    const changed = [HEADER, `${quarterly},2027,Q1,11,`, `${quarterly},2027,Q2,21,`].join('\n');
    const third = await finished((await start(upload(changed))).id);
    expect(third).toMatchObject({ status: 'done', succeeded: 1, failed: 1 });
    expect((await rows(third.id, { ok: false })).items).toEqual([{ row: 3, ok: false, error: expect.stringContaining('submitted') }]);
    expect(await achievement(quarterly, 2027, 'Q1')).toMatchObject({ realization: '11.0000', version: 2 });
    expect(await achievement(quarterly, 2027, 'Q2')).toMatchObject({ realization: '20.0000', status: 'submitted' });
    expect(await writes()).toEqual([before[0] + 1, before[1]]);
  });

  it('rejects rows of a locked period', async () => {
    await core.sql(`INSERT INTO core.periods (year, period, locked_at, locked_by) VALUES (2028, 'S1', now(), 'user:x')`);
    const job = await finished((await start(upload([HEADER, `${quarterly},2028,Q1,1,`, `${quarterly},2028,Q3,3,`].join('\n')))).id);
    expect(job).toMatchObject({ status: 'done', succeeded: 1, failed: 1 });
    expect((await rows(job.id, { ok: false })).items).toEqual([{ row: 2, ok: false, error: expect.stringContaining('locked') }]);
  });

  it('reads the first sheet of an XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Capaian');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([quarterly, 2029, 'Q4', 55.25, 'dari excel']);
    sheet.addRow([quarterly, 2029, 'Q9', 1, null]);
    wb.addWorksheet('Other').addRow(['ignored']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await finished((await start(upload(bytes))).id);
    expect(job).toMatchObject({ status: 'done', total: 2, succeeded: 1, failed: 1 });
    expect(await achievement(quarterly, 2029, 'Q4')).toMatchObject({ realization: '55.2500', notes: 'dari excel' });
  });

  it('fails the job for an unsupported or unreadable file, writing nothing', async () => {
    const [audits] = await writes();
    const pdf = await finished((await start(upload(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x01])))).id);
    expect(pdf).toMatchObject({ status: 'failed', total: 0, error: expect.stringContaining('unsupported') });
    const header = await finished((await start(upload('a,b,c\n1,2,3\n'))).id);
    expect(header).toMatchObject({ status: 'failed', error: expect.stringContaining('header') });
    const missing = await finished((await start(randomUUID())).id);
    expect(missing).toMatchObject({ status: 'failed', error: expect.stringContaining('not found') });
    expect((await writes())[0]).toBe(audits);
  });

  it('returns the open job for an identical request, and hides a job from another OPD', async () => {
    const fileId = upload([HEADER, `${annual},2027,Y,1,`].join('\n'), 1500);
    const a = await start(fileId);
    const b = await start(fileId, callerAs(Role.AdminOpd, opdA));
    expect(b.id).toBe(a.id);
    await finished(a.id);
    expect(await errorCodeOf(get(a.id, callerAs(Role.AdminOpd, opdB)))).toBe('NOT_FOUND');
    expect(await errorCodeOf(core.call(CORE_SUBJECTS.importRows, { id: a.id }, callerAs(Role.AdminOpd, opdB)))).toBe('NOT_FOUND');
    expect((await get(a.id, callerAs(Role.SuperAdmin))).status).toBe('done');
    expect(await errorCodeOf(start(fileId, callerAs(Role.Viewer, opdA)))).toBe('FORBIDDEN');
    expect(await errorCodeOf(start(fileId, callerAs(Role.Evaluator)))).toBe('FORBIDDEN');
  });

  it('takes over a running job whose worker died (lease expired)', async () => {
    const fileId = upload([HEADER, `${annual},2028,Y,9,`].join('\n'));
    const id = randomUUID();
    await core.sql(
      `INSERT INTO core.imports (id, file_id, opd_id, requested_by, identity, status, attempts, started_at, lease_until)
       VALUES ($1, $2, $3, $4, $5, 'running', 1, now() - interval '5 minutes', now() - interval '1 second')`,
      [id, fileId, opdA, adminA.actor, JSON.stringify(adminA)],
    );
    expect(await finished(id)).toMatchObject({ status: 'done', succeeded: 1 });
    expect((await core.sql(`SELECT attempts FROM core.imports WHERE id = $1`, [id]))[0].attempts).toBe(2);
    expect(await achievement(annual, 2028, 'Y')).toMatchObject({ realization: '9.0000' });
  });
});

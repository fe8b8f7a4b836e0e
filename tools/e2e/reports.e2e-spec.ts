import { REPORT_EVENTS } from '@sakip/contracts';
import { EVENTS_STREAM, streamNameFor } from '@sakip/messaging';
import { readStream } from '@sakip/testing';
import ExcelJS from 'exceljs';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { ReportJobs } from '../../apps/report-generation/src/reports/report-jobs';
import { loadDemo } from '../demo/load-demo';
import { pdfText } from '../testing/pdf-text';
import { E2eStack } from './stack';


jest.setTimeout(120_000);

const YEAR = 2025;
const pdfTextOf = async (bytes: Buffer) => (await pdfText(bytes)).text;
const idNumber = (n: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const enNumber = (n: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/**
 * Reports through the gateway on the demo Pemda (2 OPDs): report-generation reads core over NATS as
 * the requester, stores the document in the file service and the gateway streams it back; the
 * tests parse the PDF text and the XLSX cells and check them against core's own figures.
 */
describe('reports through the gateway (e2e, demo data)', () => {
  let s: E2eStack;
  let token: string;
  let opd: { id: string; name: string; head_name: string };
  let other: { id: string };

  beforeAll(async () => {
    s = await E2eStack.start({}, {}, { core: true, file: true, report: true, seed: async (st) => void (await loadDemo({ opds: 2, databaseUrl: st.db.urlFor('sakip_core') })) });
    token = (await s.loginAdmin()).accessToken;
    [opd, other] = await s.sql<{ id: string; name: string; head_name: string }>(`SELECT id, name, head_name FROM core.opds ORDER BY code`);
  });

  afterAll(async () => {
    await s?.stop();
  });

  const order = async (body: Record<string, unknown>, as = token) => {
    const res = await s.http('POST', '/api/v1/reports', { token: as, body });
    expect([res.status, res.text]).toEqual([202, expect.any(String)]);
    return res.body.data.id as string;
  };
  const done = async (id: string, as = token) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await s.http('GET', `/api/v1/reports/${id}`, { token: as });
      if (res.body.data?.status === 'done' || res.body.data?.status === 'failed') return res.body.data;
      if (Date.now() > deadline) throw new Error(`report ${id} not finished: ${res.text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const download = async (id: string, as = token) => {
    const res = await fetch(`${s.base}/api/v1/reports/${id}/download`, { headers: { authorization: `Bearer ${as}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const performance = async (opdId: string) => (await s.http('GET', `/api/v1/performance/data?year=${YEAR}&opdId=${opdId}&limit=100`, { token })).body.data as Array<{ indicatorName: string; capaian: number | null; target: number | null; realization: number | null }>;

  it('builds the LKjIP as a PDF with every chapter and core\'s capaian figures in Indonesian format', async () => {
    const id = await order({ type: 'lkjip', format: 'pdf', year: YEAR, opdId: opd.id });
    // The same request while it runs is the same job.
    expect(await order({ type: 'lkjip', format: 'pdf', year: YEAR, opdId: opd.id })).toBe(id);
    const view = await done(id);
    expect(view).toMatchObject({ status: 'done', type: 'lkjip', format: 'pdf', opdId: opd.id, error: null });
    expect(view.pages).toBeGreaterThan(3);
    const file = await download(id);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfTextOf(file.bytes);
    for (const heading of ['LAPORAN KINERJA INSTANSI PEMERINTAH', 'KATA PENGANTAR', 'IKHTISAR EKSEKUTIF', 'BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'A. Capaian Kinerja Organisasi', 'B. Realisasi Anggaran', 'BAB IV PENUTUP', 'LAMPIRAN', 'Definisi Operasional', 'Target Akhir Renstra', 'Halaman 2']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(opd.name.toUpperCase());
    const scored = (await performance(opd.id)).filter((r) => r.capaian !== null);
    expect(scored.length).toBeGreaterThan(0);
    for (const r of scored.slice(0, 5)) expect(text).toContain(idNumber(r.capaian!));
  });

  it('writes the Capaian as XLSX whose cells hold core\'s numbers', async () => {
    const id = await order({ type: 'capaian', format: 'xlsx', year: YEAR, opdId: opd.id, period: 'Y' });
    await done(id);
    const file = await download(id);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Indikator Kinerja'))!;
    expect(header).toEqual(['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Kategori', 'Status']);
    for (const r of (await performance(opd.id)).slice(0, 8)) {
      const row = rows.find((x) => x[2] === r.indicatorName);
      expect(row).toBeDefined();
      expect(row![6] ?? null).toBe(r.capaian);
      expect(row![4] ?? null).toBe(r.target);
    }
  });

  it('writes the Perjanjian Kinerja with both parties, the targets and the programs, and the LKjIP in English on request', async () => {
    const pk = await done(await order({ type: 'pk', format: 'pdf', year: YEAR, opdId: opd.id }));
    const text = await pdfTextOf((await download(pk.id)).bytes);
    const [settings] = await s.sql(`SELECT pemda_name, head_name FROM core.settings`);
    for (const t of ['PERJANJIAN KINERJA TAHUN 2025', 'PIHAK PERTAMA', 'PIHAK KEDUA', 'Sasaran Strategis', 'Anggaran (Rp)', opd.head_name, settings.head_name, `${String(settings.pemda_name).replace(/^Pemerintah (Kabupaten|Kota|Provinsi) /, '')},`]) expect(text).toContain(t);

    const en = await done(await order({ type: 'lkjip', format: 'pdf', year: YEAR, opdId: opd.id, language: 'en' }));
    const english = await pdfTextOf((await download(en.id)).bytes);
    expect(english).toContain('CHAPTER III PERFORMANCE ACCOUNTABILITY');
    const scored = (await performance(opd.id)).find((r) => r.capaian !== null && r.capaian >= 1000) ?? (await performance(opd.id)).find((r) => r.capaian !== null)!;
    expect(english).toContain(enNumber(scored.capaian!));
  });

  it('builds IKU, Rencana Aksi and Realisasi Anggaran, and a Pemda-wide document with a section per OPD', async () => {
    for (const [type, marker] of [['iku', 'Target 2026'], ['rencana-aksi', 'TW IV'], ['realisasi-anggaran', 'Serapan (%)']] as const) {
      const view = await done(await order({ type, format: 'pdf', year: YEAR, opdId: opd.id }));
      expect(view.status).toBe('done');
      const text = await pdfTextOf((await download(view.id)).bytes);
      expect(text).toContain(marker);
      // The catalogue's formulas use Σ and ≥: spelled out, never garbage from the standard fonts.
      if (type === 'iku') expect(text).toMatch(/Sum \(|Sum kasus|Sum lama|>= /);
    }
    const wide = await done(await order({ type: 'realisasi-anggaran', format: 'xlsx', year: YEAR }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(wide.id)).bytes as unknown as ArrayBuffer);
    const firstCells: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => firstCells.push(row.getCell(1).value));
    const [names] = [await s.sql<{ name: string }>(`SELECT name FROM core.opds ORDER BY code`)];
    for (const n of names) expect(firstCells).toContain(n.name);
  });

  it('lets an admin_opd order for its own OPD only, hides other OPDs\' reports, and answers 409 before the document exists', async () => {
    const email = `ops.${randomUUID().slice(0, 6)}@e2e.test`;
    const created = await s.http('POST', '/api/v1/users', { token, body: { email, password: 'Laporan-Kinerja-Daerah-2026', name: 'Operator', role: 'admin_opd', opdId: opd.id } });
    expect(created.status).toBe(201);
    const ops = (await s.login(email, 'Laporan-Kinerja-Daerah-2026')).accessToken;
    expect((await s.http('POST', '/api/v1/reports', { token: ops, body: { type: 'iku', format: 'pdf', year: YEAR, opdId: other.id } })).status).toBe(403);
    expect((await s.http('POST', '/api/v1/reports', { token: ops, body: { type: 'iku', format: 'pdf', year: YEAR } })).status).toBe(403);
    expect((await s.http('POST', '/api/v1/reports', { token: ops, body: { type: 'nope', format: 'pdf', year: YEAR } })).status).toBe(400);
    const mine = await done(await order({ type: 'iku', format: 'xlsx', year: YEAR, opdId: opd.id }, ops), ops);
    expect((await download(mine.id, ops)).status).toBe(200);
    const theirs = await done(await order({ type: 'iku', format: 'xlsx', year: YEAR, opdId: other.id }));
    expect((await s.http('GET', `/api/v1/reports/${theirs.id}`, { token: ops })).status).toBe(404);
    expect((await s.http('GET', `/api/v1/reports?opdId=${other.id}`, { token: ops })).status).toBe(404);
    const list = await s.http('GET', '/api/v1/reports?limit=100', { token: ops });
    expect(list.body.data.map((r: { opdId: string }) => r.opdId).every((o: string) => o === opd.id)).toBe(true);

    const [queued] = await s.sql(
      `INSERT INTO report.reports (id, type, format, year, opd_id, language, status, requested_by, requester, dedupe_key) VALUES ($1, 'iku', 'pdf', 2025, $2, 'id', 'queued', 'user:x', '{}'::jsonb, $3) RETURNING id`,
      [randomUUID(), opd.id, randomUUID()],
    );
    const early = await s.http('GET', `/api/v1/reports/${queued.id}/download`, { token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_STATE');
  });

  it('attaches a signed scan to a finished report; an unknown file is 400', async () => {
    const view = await done(await order({ type: 'pk', format: 'pdf', year: YEAR, opdId: opd.id, language: 'en' }));
    const form = new FormData();
    form.append('opdId', opd.id);
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n% signed scan\n')], { type: 'application/pdf' }), 'pk-signed.pdf');
    const upload = await fetch(`${s.base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const fileId = ((await upload.json()) as { data: { id: string } }).data.id;
    const signed = await s.http('POST', `/api/v1/reports/${view.id}/signed`, { token, body: { fileId } });
    expect(signed.status).toBe(200);
    expect(signed.body.data.signedFileId).toBe(fileId);
    expect((await s.http('POST', `/api/v1/reports/${view.id}/signed`, { token, body: { fileId: randomUUID() } })).status).toBe(400);
    // Linked: the file service now refuses to delete it.
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 409) {
      status = (await s.http('DELETE', `/api/v1/files/${fileId}`, { token })).status;
      if (status !== 409) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(409);
  });

  it('finishes a job whose worker died mid-build, and fails one core cannot serve with the failed event', async () => {
    const admin = await s.http('GET', '/api/v1/auth/me', { token });
    const requester = JSON.stringify({ sub: admin.body.data.id, role: 'super_admin', opdId: null, actor: `user:${admin.body.data.id}` });
    const [crashed] = await s.sql(
      `INSERT INTO report.reports (id, type, format, year, opd_id, language, status, requested_by, requester, dedupe_key, attempts, started_at, lease_until, created_at)
       VALUES ($1, 'iku', 'pdf', 2025, $2, 'id', 'running', $3, $4::jsonb, $5, 1, now(), now() - interval '10 minutes', now() - interval '10 minutes') RETURNING id`,
      [randomUUID(), opd.id, `user:${admin.body.data.id}`, requester, randomUUID()],
    );
    const [unknown] = await s.sql(
      `INSERT INTO report.reports (id, type, format, year, opd_id, language, status, requested_by, requester, dedupe_key, created_at)
       VALUES ($1, 'pk', 'pdf', 2025, $2, 'id', 'queued', $3, $4::jsonb, $5, now() - interval '10 minutes') RETURNING id`,
      [randomUUID(), randomUUID(), `user:${admin.body.data.id}`, requester, randomUUID()],
    );
    await s.report!.get(ReportJobs).sweep();
    expect(await done(crashed.id)).toMatchObject({ status: 'done', attempts: 2 });
    const failed = await done(unknown.id);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/not found/i) });
    const nc = await connect({ servers: s.env['NATS_URL'], noAsyncTraces: true });
    const deadline = Date.now() + 10_000;
    let subjects: string[] = [];
    while (Date.now() < deadline && !subjects.includes(REPORT_EVENTS.reportFailed)) {
      const stored = await readStream(await nc.jetstreamManager(), streamNameFor(s.env['NATS_PREFIX']!, EVENTS_STREAM), s.env['NATS_PREFIX']! + 'evt.report.');
      subjects = stored.filter((m) => (m.data as { data: { reportId: string } }).data.reportId === unknown.id).map((m) => m.subject.slice(s.env['NATS_PREFIX']!.length));
      if (!subjects.includes(REPORT_EVENTS.reportFailed)) await new Promise((r) => setTimeout(r, 100));
    }
    await nc.close();
    expect(subjects).toContain(REPORT_EVENTS.reportFailed);
  });
});

import { CORE_EVENTS, FILE_SUBJECTS, Role, type FileDownloadGrant, type FileTransferGrant, type FileView } from '@sakip/contracts';
import { eventually } from '@sakip/testing';
import { createHash, randomUUID } from 'node:crypto';
import { callerAs, errorCodeOf } from '@sakip/testing';
import { buildOle2, buildZip, PDF_BYTES, PNG_BYTES } from '../src/content/test-fixtures';
import { UnlinkedCleanup } from '../src/files/unlinked-cleanup';
import { startFile, type FileHarness } from './file-harness';

const MAX = 64 * 1024;

describe('file service', () => {
  let f: FileHarness;
  const opdA = randomUUID();
  const opdB = randomUUID();
  const adminA = callerAs(Role.AdminOpd, opdA);

  beforeAll(async () => {
    f = await startFile({ FILE_MAX_BYTES: String(MAX) });
  });
  afterAll(() => f?.close());

  const authorize = (caller = adminA, extra: Record<string, unknown> = {}) =>
    f.call<FileTransferGrant>(FILE_SUBJECTS.uploadAuthorize, { filename: 'Laporan Q1.pdf', contentType: 'application/pdf', ...extra }, caller);

  async function put(path: string, body: Buffer): Promise<Response> {
    return fetch(f.baseUrl + path, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' }, duplex: 'half' } as RequestInit);
  }

  async function upload(bytes: Buffer, caller = adminA, extra: Record<string, unknown> = {}): Promise<FileView> {
    const grant = await authorize(caller, extra);
    const res = await put(grant.path, bytes);
    expect(res.status).toBe(201);
    return ((await res.json()) as { data: FileView }).data;
  }

  it('uploads through a grant: content-judged type, sha256, sanitized name, caller OPD', async () => {
    const grant = await authorize(adminA, { filename: ' Laporan\u202eQ1.pdf.' });
    expect(grant.path).toBe(`/internal/uploads/${grant.token}`);
    expect(grant.url).toMatch(/\/internal\/uploads\//);
    const res = await put(grant.path, PDF_BYTES);
    expect(res.status).toBe(201);
    const view = ((await res.json()) as { data: FileView }).data;
    expect(view).toEqual({
      id: grant.fileId,
      name: 'Laporan_Q1.pdf',
      size: PDF_BYTES.length,
      mimeType: 'application/pdf',
      sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
      opdId: opdA,
      createdAt: expect.any(String),
    });
    expect(await f.call(FILE_SUBJECTS.get, { id: view.id }, adminA)).toEqual(view);
    const [audit] = await f.sql(`SELECT actor, operation FROM file.audit_log WHERE row_id = $1`, [view.id]);
    expect(audit).toEqual({ actor: adminA.actor, operation: 'insert' });
    // The grant was for one upload.
    expect((await put(grant.path, PDF_BYTES)).status).toBe(409);
  });

  it('judges docx/xlsx/doc/xls/png/csv by content, whatever the name says', async () => {
    const cases: [Buffer, string][] = [
      [buildZip({ 'word/document.xml': '<w/>' }), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [buildZip({ 'xl/workbook.xml': '<x/>' }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [buildOle2(['WordDocument']), 'application/msword'],
      [buildOle2(['Workbook']), 'application/vnd.ms-excel'],
      [PNG_BYTES, 'image/png'],
      [Buffer.from('kode,nilai\nA,1\n'), 'text/csv'],
    ];
    for (const [bytes, mime] of cases) expect((await upload(bytes)).mimeType).toBe(mime);
  });

  it('refuses past the size limit with 413 and stores nothing', async () => {
    const before = await f.sql(`SELECT count(*)::int AS n FROM file.files`);
    const grant = await authorize();
    const res = await put(grant.path, Buffer.concat([PDF_BYTES, Buffer.alloc(MAX)]));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await f.sql(`SELECT count(*)::int AS n FROM file.files`)).toEqual(before);
    expect(await f.sql(`SELECT 1 FROM file.files WHERE id = $1`, [grant.fileId])).toEqual([]);
    expect((await f.storedFiles()).filter((p) => p.includes(grant.fileId) || p.startsWith('.tmp/'))).toEqual([]);
  });

  it('refuses unsupported content with 415 and stores nothing', async () => {
    for (const bytes of [Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.from([0x61, 0xc3, 0x28]), buildZip({ 'evil.js': 'x' })]) {
      const grant = await authorize();
      const res = await put(grant.path, bytes);
      expect(res.status).toBe(415);
      expect(await f.sql(`SELECT 1 FROM file.files WHERE id = $1`, [grant.fileId])).toEqual([]);
      expect((await f.storedFiles()).filter((p) => p.includes(grant.fileId) || p.startsWith('.tmp/'))).toEqual([]);
    }
  });

  it('refuses a tampered or wrong-purpose token with 401', async () => {
    const grant = await authorize();
    const [payload, mac] = grant.token.split('.') as [string, string];
    const bad = `${payload}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect((await put(`/internal/uploads/${bad}`, PDF_BYTES)).status).toBe(401);
    expect((await fetch(`${f.baseUrl}/internal/downloads/${grant.token}`)).status).toBe(401);
  });

  it('applies the role rules: viewers do not upload, a bound caller uploads only for its OPD, unbound callers choose', async () => {
    expect(await errorCodeOf(authorize(callerAs(Role.Viewer, opdA)))).toBe('FORBIDDEN');
    expect(await errorCodeOf(authorize(adminA, { opdId: opdB }))).toBe('NOT_FOUND');
    expect((await upload(PDF_BYTES, callerAs(Role.SuperAdmin), { opdId: opdB })).opdId).toBe(opdB);
    expect((await upload(PDF_BYTES, callerAs(Role.SuperAdmin))).opdId).toBeNull();
  });

  it('streams a download with its type, size and Content-Disposition, and audits it', async () => {
    const bytes = Buffer.concat([PDF_BYTES, Buffer.alloc(40_000, 0x20)]);
    const view = await upload(bytes, adminA, { filename: 'Capaian – Dinas.pdf' });
    const reader = callerAs(Role.Viewer, opdA);
    const grant = await f.call<FileDownloadGrant>(FILE_SUBJECTS.downloadAuthorize, { fileId: view.id }, reader);
    expect(grant).toMatchObject({ fileId: view.id, filename: 'Capaian – Dinas.pdf', contentType: 'application/pdf', sizeBytes: bytes.length });
    const res = await fetch(f.baseUrl + grant.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Capaian  Dinas.pdf"; filename*=UTF-8''Capaian%20%E2%80%93%20Dinas.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await f.sql(`SELECT actor FROM file.audit_log WHERE row_id = $1 AND operation = 'download'`, [view.id])).toEqual([{ actor: reader.actor }]);
  });

  it('hides a foreign OPD file unless a record visible to the caller links it', async () => {
    const view = await upload(PDF_BYTES, adminA);
    const adminB = callerAs(Role.AdminOpd, opdB);
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.get, { id: view.id }, adminB))).toBe('NOT_FOUND');
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.downloadAuthorize, { fileId: view.id }, adminB))).toBe('NOT_FOUND');
    expect(await f.call(FILE_SUBJECTS.get, { id: view.id }, callerAs(Role.Evaluator))).toEqual(view);
    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'evaluation_evidence', ownerId: randomUUID(), fileIds: [view.id], opdId: opdB });
    await eventually(async () => (await f.sql(`SELECT 1 FROM file.file_links WHERE file_id = $1`, [view.id])).length > 0, { what: 'the link' });
    expect(await f.call(FILE_SUBJECTS.get, { id: view.id }, adminB)).toEqual(view);
  });

  it('refuses to delete a linked file (409) until its owner releases it; only owner or super_admin delete', async () => {
    const view = await upload(PDF_BYTES, adminA);
    const ownerId = randomUUID();
    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'achievement', ownerId, fileIds: [view.id], opdId: opdA });
    await eventually(async () => (await f.sql(`SELECT 1 FROM file.file_links WHERE file_id = $1`, [view.id])).length > 0, { what: 'the link' });
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.delete, { id: view.id }, adminA))).toBe('CONFLICT');
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.delete, { id: view.id }, callerAs(Role.AdminOpd, opdA)))).toBe('FORBIDDEN');
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.delete, { id: view.id }, callerAs(Role.Viewer, opdA)))).toBe('FORBIDDEN');

    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'achievement', ownerId, fileIds: [], opdId: opdA });
    await eventually(async () => (await f.sql(`SELECT 1 FROM file.file_links WHERE file_id = $1`, [view.id])).length === 0, { what: 'the release' });
    expect((await f.sql(`SELECT released_at FROM file.files WHERE id = $1`, [view.id]))[0].released_at).not.toBeNull();
    await f.call(FILE_SUBJECTS.delete, { id: view.id }, adminA);
    expect(await errorCodeOf(f.call(FILE_SUBJECTS.get, { id: view.id }, adminA))).toBe('NOT_FOUND');
    expect((await f.storedFiles()).filter((p) => p.includes(view.id))).toEqual([]);
    expect(await f.sql(`SELECT actor FROM file.audit_log WHERE row_id = $1 AND operation = 'delete'`, [view.id])).toEqual([{ actor: adminA.actor }]);
  });

  it('ignores an older link set that arrives after a newer one', async () => {
    const view = await upload(PDF_BYTES, adminA);
    const ownerId = randomUUID();
    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'achievement', ownerId, fileIds: [view.id], opdId: opdA }, '2030-01-01T00:00:02.000Z');
    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'achievement', ownerId, fileIds: [], opdId: opdA }, '2030-01-01T00:00:01.000Z');
    await eventually(async () => (await f.sql(`SELECT 1 FROM file.inbox`)).length >= 2 && (await f.sql(`SELECT 1 FROM file.file_links WHERE owner_id = $1`, [ownerId])).length === 1, {
      what: 'both events handled',
    });
  });

  it('removes uploads no service linked within a day, keeps linked and recent ones', async () => {
    const stale = await upload(PDF_BYTES, adminA);
    const linked = await upload(PDF_BYTES, adminA);
    const fresh = await upload(PDF_BYTES, adminA);
    await f.sql(`UPDATE file.files SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [[stale.id, linked.id]]);
    await f.publishEvent(CORE_EVENTS.fileLinksChanged, 'core', { ownerType: 'achievement', ownerId: randomUUID(), fileIds: [linked.id], opdId: opdA });
    await eventually(async () => (await f.sql(`SELECT 1 FROM file.file_links WHERE file_id = $1`, [linked.id])).length > 0, { what: 'the link' });

    const removed = await f.app.get(UnlinkedCleanup).sweep();
    expect(removed).toContain(stale.id);
    expect(removed).not.toContain(linked.id);
    expect(removed).not.toContain(fresh.id);
    expect(await f.sql(`SELECT id FROM file.files WHERE id = ANY($1::uuid[]) ORDER BY id`, [[stale.id, linked.id, fresh.id]])).toEqual(
      [{ id: linked.id }, { id: fresh.id }].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect((await f.storedFiles()).filter((p) => p.includes(stale.id))).toEqual([]);
  });
});

import { FILE_MAX_UPLOAD_BYTES } from '@sakip/contracts';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { PDF_BYTES } from '../../apps/file/src/content/test-fixtures';
import { E2eStack } from './stack';

/**
 * The Files routes through the gateway (API.md "Files"): multipart upload streamed to the file
 * service over its internal HTTP API, metadata, streamed download, delete; limits, content
 * judging, OPD scoping, roles and API-key scopes.
 */
describe('files through the gateway (e2e)', () => {
  let s: E2eStack;
  const tokens: Record<'admin' | 'adminA' | 'adminB' | 'viewerA' | 'evaluator', string> = {} as never;
  let opdA: string;
  let opdB: string;

  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  async function ok<T = any>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const res = await s.http(method, `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
    return res.body?.data as T;
  }

  /** POST /files as multipart; `fields` go before the file, as the route requires. */
  async function upload(headers: Record<string, string>, bytes: Buffer | null, name = 'Laporan Kinerja.pdf', fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const res = await fetch(`${s.base}/api/v1/files`, { method: 'POST', headers, body: form });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const fileCount = async () => (await s.sql<{ n: number }>(`SELECT count(*)::int AS n FROM file.files`))[0].n;
  const storedPaths = async () => (await readdir(s.fileDir!, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

  beforeAll(async () => {
    s = await E2eStack.start({}, {}, { core: true, file: true });
    tokens.admin = (await s.loginAdmin()).accessToken;
    opdA = (await ok('POST', '/opds', tokens.admin, { code: 'DINKES', name: 'Dinas Kesehatan' })).id;
    opdB = (await ok('POST', '/opds', tokens.admin, { code: 'DISDIK', name: 'Dinas Pendidikan' })).id;
    const users: Array<[keyof typeof tokens, string, string | null]> = [
      ['adminA', 'admin_opd', opdA],
      ['adminB', 'admin_opd', opdB],
      ['viewerA', 'viewer', opdA],
      ['evaluator', 'evaluator', null],
    ];
    for (const [name, role, opdId] of users) {
      const email = `${name.toLowerCase()}@e2e.test`;
      const password = 'Sasaran-Strategis-Sukamaju-2026';
      await ok('POST', '/users', tokens.admin, { email, name, password, role, opdId });
      tokens[name] = (await s.login(email, password)).accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('uploads a PDF (201, the file service view), shows it and streams the same bytes back', async () => {
    const res = await upload(auth(tokens.adminA), PDF_BYTES);
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
    const view = res.body.data;
    expect(view).toEqual({
      id: expect.any(String),
      name: 'Laporan Kinerja.pdf',
      size: PDF_BYTES.length,
      mimeType: 'application/pdf',
      sha256: sha256(PDF_BYTES),
      opdId: opdA,
      createdAt: expect.any(String),
    });
    expect(await ok('GET', `/files/${view.id}`, tokens.adminA)).toEqual(view);

    const dl = await fetch(`${s.base}/api/v1/files/${view.id}/content`, { headers: auth(tokens.adminA) });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-length')).toBe(String(PDF_BYTES.length));
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;.*Laporan( |%20)Kinerja\.pdf/);
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(PDF_BYTES));
  });

  it('lets a caller without an OPD upload for one (opdId field)', async () => {
    const res = await upload(auth(tokens.admin), PDF_BYTES, 'pemda.pdf', { opdId: opdB });
    expect(res.status).toBe(201);
    expect(res.body.data.opdId).toBe(opdB);
    const pemda = await upload(auth(tokens.evaluator), PDF_BYTES, 'pemda.pdf');
    expect([pemda.status, pemda.body.data.opdId]).toEqual([201, null]);
  });

  it('refuses a file past 10 MiB with 413 and stores nothing', async () => {
    const before = await fileCount();
    const stored = await storedPaths();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(FILE_MAX_UPLOAD_BYTES + 1024 * 1024 - PDF_BYTES.length, 0x20)]);
    const res = await upload(auth(tokens.adminA), big, 'besar.pdf');
    expect([res.status, res.body?.error?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await fileCount()).toBe(before);
    expect(await storedPaths()).toEqual(stored);
  });

  it('refuses content that is none of the accepted types with 415 (an .exe named .pdf)', async () => {
    const before = await fileCount();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0)]);
    const res = await upload(auth(tokens.adminA), exe, 'setup.pdf');
    expect([res.status, res.body?.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await fileCount()).toBe(before);
  });

  it('answers 400 without a `file` part and 415 for a body that is not multipart', async () => {
    const none = await upload(auth(tokens.adminA), null, 'x', { opdId: opdA });
    expect([none.status, none.body.error.code, none.body.error.details]).toEqual([400, 'VALIDATION_FAILED', [{ field: 'file', message: 'is required' }]]);
    const json = await s.http('POST', '/api/v1/files', { token: tokens.adminA, body: { file: 'x' } });
    expect([json.status, json.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const raw = await s.http('POST', '/api/v1/files', { token: tokens.adminA, rawBody: '%PDF-1.4', headers: { 'content-type': 'application/pdf' } });
    expect(raw.status).toBe(415);
    // Multipart is for uploads only: a JSON route answers it with 415, as before multipart existed.
    const form = new FormData();
    form.append('name', 'x');
    const elsewhere = await fetch(`${s.base}/api/v1/auth/login`, { method: 'POST', body: form });
    expect([elsewhere.status, ((await elsewhere.json()) as { error: { code: string } }).error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses a field sent after the file (400) and keeps nothing of that upload', async () => {
    const before = await fileCount();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), 'late.pdf');
    form.append('opdId', opdB);
    const res = await fetch(`${s.base}/api/v1/files`, { method: 'POST', headers: auth(tokens.admin), body: form });
    const body = (await res.json()) as { error: { code: string; details: unknown[] } };
    expect([res.status, body.error.code, body.error.details]).toEqual([400, 'VALIDATION_FAILED', [{ field: 'opdId', message: expect.stringContaining('before') }]]);
    expect(await fileCount()).toBe(before);
  });

  it("hides OPD A's file from admin_opd of OPD B (404, also for the content, as an envelope)", async () => {
    const view = (await upload(auth(tokens.adminA), PDF_BYTES)).body.data;
    const get = await s.http('GET', `/api/v1/files/${view.id}`, { token: tokens.adminB });
    expect([get.status, get.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const content = await s.http('GET', `/api/v1/files/${view.id}/content`, { token: tokens.adminB });
    expect([content.status, content.body.ok, content.body.error.code]).toEqual([404, false, 'NOT_FOUND']);
    // Same OPD: the viewer reads it.
    expect((await s.http('GET', `/api/v1/files/${view.id}/content`, { token: tokens.viewerA })).status).toBe(200);
  });

  it('refuses uploads by a viewer and by an API key without files:write (403), nothing stored', async () => {
    const before = await fileCount();
    const viewer = await upload(auth(tokens.viewerA), PDF_BYTES);
    expect([viewer.status, viewer.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const key = (await ok('POST', '/api-keys', tokens.adminA, { name: 'reader', scopes: ['files:read'] })).key as string;
    const byKey = await upload({ authorization: `ApiKey ${key}` }, PDF_BYTES);
    expect([byKey.status, byKey.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await fileCount()).toBe(before);
    // The same key reads.
    const view = (await upload(auth(tokens.adminA), PDF_BYTES)).body.data;
    expect((await s.http('GET', `/api/v1/files/${view.id}`, { headers: { authorization: `ApiKey ${key}` } })).status).toBe(200);
  });

  it('lets the owner delete (204) but not someone else (403 / 404)', async () => {
    const view = (await upload(auth(tokens.adminA), PDF_BYTES)).body.data;
    expect((await s.http('DELETE', `/api/v1/files/${view.id}`, { token: tokens.evaluator })).status).toBe(403);
    expect((await s.http('DELETE', `/api/v1/files/${view.id}`, { token: tokens.adminB })).status).toBe(404);
    expect((await s.http('DELETE', `/api/v1/files/${view.id}`, { token: tokens.viewerA })).status).toBe(403);
    expect(await s.sql(`SELECT 1 FROM file.files WHERE id = $1`, [view.id])).toHaveLength(1);
    const del = await s.http('DELETE', `/api/v1/files/${view.id}`, { token: tokens.adminA });
    expect([del.status, del.text]).toEqual([204, '']);
    expect(await s.sql(`SELECT 1 FROM file.files WHERE id = $1`, [view.id])).toEqual([]);
    expect((await s.http('GET', `/api/v1/files/${view.id}`, { token: tokens.adminA })).status).toBe(404);
  });
});

import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FILE_SUBJECTS, Role, type FileDownloadGrant, type FileTransferGrant, type FileView } from '@sakip/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { callerAs, errorCodeOf } from '@sakip/testing';
import { PDF_BYTES } from '../src/content/test-fixtures';
import { loadFileConfig } from '../src/file.config';
import { S3StorageDriver } from '../src/storage/s3-storage.driver';
import { StorageObjectNotFound } from '../src/storage/storage-driver';
import { startFile, type FileHarness } from './file-harness';

/** s3rver ships no type declarations: the little of it the test uses. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverCtor = new (o: { address: string; port: number; silent: boolean; directory: string }) => S3rverServer;
const S3rver = createRequire(__filename)('s3rver') as S3rverCtor;

/** s3rver's fixed credentials (it checks request signatures against them). */
const KEY = 'S3RVER';

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 storage (s3rver)', () => {
  let dir: string;
  let server: S3rverServer;
  let endpoint: string;
  let driver: S3StorageDriver;
  const bucket = `sakip-test-${randomUUID().slice(0, 8)}`;

  const keysIn = async (b = bucket): Promise<string[]> => {
    const out = await driver.client.send(new ListObjectsV2Command({ Bucket: b }));
    return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
  };
  const spool = async (bytes: Buffer): Promise<string> => {
    const path = join(driver.spoolDir, `${randomUUID()}.part`);
    await writeFile(path, bytes);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sakip-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3') });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    driver = new S3StorageDriver({ endpoint, bucket, accessKeyId: KEY, secretAccessKey: KEY, region: 'us-east-1', spoolDir: join(dir, 'spool') });
    await driver.init();
  });
  afterAll(async () => {
    driver?.onApplicationShutdown();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates the bucket at boot when missing, and a second boot leaves it be', async () => {
    await driver.check();
    expect(await keysIn()).toEqual([]);
    await driver.init();
    await driver.check();
  });

  it('commits a spooled file under its key, reads it back streamed, deletes it idempotently', async () => {
    const key = `ab/${randomUUID()}`;
    const temp = await spool(PDF_BYTES);
    await driver.commit(temp, key);
    await expect(stat(temp)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await driver.exists(key)).toBe(true);
    expect(await keysIn()).toEqual([`objects/${key}`]);
    expect((await readAll(await driver.openRead(key))).equals(PDF_BYTES)).toBe(true);

    await driver.remove(key);
    await driver.remove(key);
    expect(await driver.exists(key)).toBe(false);
    expect(await keysIn()).toEqual([]);
  });

  it('answers not found for a missing object', async () => {
    await expect(driver.openRead(`cd/${randomUUID()}`)).rejects.toBeInstanceOf(StorageObjectNotFound);
    expect(await driver.exists(`cd/${randomUUID()}`)).toBe(false);
  });

  it('refuses keys it did not generate', async () => {
    await expect(driver.openRead('../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });

  it('a commit that fails leaves nothing in the bucket', async () => {
    await expect(driver.commit(join(driver.spoolDir, 'missing.part'), `ef/${randomUUID()}`)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await keysIn()).toEqual([]);
  });

  it('streams a 10 MiB object through a multipart upload and back', async () => {
    const key = `0a/${randomUUID()}`;
    const temp = join(driver.spoolDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    // Written in 1 MiB chunks, so the test holds no more of it than the driver should.
    async function* chunks() {
      for (let i = 0; i < 10; i++) {
        const c = randomBytes(1024 * 1024);
        hash.update(c);
        yield c;
      }
    }
    await pipeline(chunks, createWriteStream(temp));
    const expected = hash.digest('hex');
    const sent: string[] = [];
    driver.client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    try {
      await driver.commit(temp, key);
    } finally {
      driver.client.middlewareStack.remove('recordCommands');
    }
    // Two 5 MiB parts, sent one at a time (queueSize 1): the whole file is never in memory.
    expect(sent).toEqual(['CreateMultipartUploadCommand', 'UploadPartCommand', 'UploadPartCommand', 'CompleteMultipartUploadCommand']);

    const read = createHash('sha256');
    let size = 0;
    for await (const c of await driver.openRead(key)) {
      size += (c as Buffer).length;
      read.update(c as Buffer);
    }
    expect(size).toBe(10 * 1024 * 1024);
    expect(read.digest('hex')).toBe(expected);
    await driver.remove(key);
    expect(await keysIn()).toEqual([]);
  });

  it('requires the S3 settings when FILE_STORAGE=s3, and not otherwise', () => {
    expect(() => loadFileConfig({ FILE_STORAGE: 's3' })).toThrow(/S3_ENDPOINT|S3_BUCKET|S3_ACCESS_KEY|S3_SECRET_KEY/);
    expect(loadFileConfig({}).FILE_STORAGE).toBe('local');
    const c = loadFileConfig({ FILE_STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY: KEY, S3_SECRET_KEY: KEY });
    expect(c.S3_REGION).toBe('us-east-1');
  });

  describe('the file service on FILE_STORAGE=s3', () => {
    let f: FileHarness;
    const svcBucket = `sakip-svc-${randomUUID().slice(0, 8)}`;
    const opd = randomUUID();
    const admin = callerAs(Role.AdminOpd, opd);
    const MAX = 64 * 1024;

    beforeAll(async () => {
      f = await startFile({ FILE_STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: svcBucket, S3_ACCESS_KEY: KEY, S3_SECRET_KEY: KEY, FILE_MAX_BYTES: String(MAX) });
    });
    afterAll(() => f?.close());

    const put = (path: string, body: Buffer) =>
      fetch(f.baseUrl + path, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' }, duplex: 'half' } as RequestInit);
    const authorize = () => f.call<FileTransferGrant>(FILE_SUBJECTS.uploadAuthorize, { filename: 'Laporan.pdf', contentType: 'application/pdf' }, admin);
    const spoolLeft = async () => (await readdir(join(f.storageDir, '.tmp'))).length;

    it('is ready only with its bucket (created at boot)', async () => {
      const res = await fetch(`${f.baseUrl}/health/ready`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('storage');
      expect(await keysIn(svcBucket)).toEqual([]);
    });

    it('uploads, downloads the same bytes, and deletes them from the bucket', async () => {
      const bytes = Buffer.concat([PDF_BYTES, Buffer.alloc(20_000, 0x20)]);
      const grant = await authorize();
      const res = await put(grant.path, bytes);
      expect(res.status).toBe(201);
      const view = ((await res.json()) as { data: FileView }).data;
      expect(view.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await keysIn(svcBucket)).toEqual([`objects/${view.id.slice(0, 2)}/${view.id}`]);
      expect(await spoolLeft()).toBe(0);

      const dl = await f.call<FileDownloadGrant>(FILE_SUBJECTS.downloadAuthorize, { fileId: view.id }, admin);
      const got = await fetch(f.baseUrl + dl.path);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-length')).toBe(String(bytes.length));
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

      await f.call(FILE_SUBJECTS.delete, { id: view.id }, admin);
      expect(await errorCodeOf(f.call(FILE_SUBJECTS.get, { id: view.id }, admin))).toBe('NOT_FOUND');
      expect(await keysIn(svcBucket)).toEqual([]);
    });

    it('stores nothing for a 413 or a 415', async () => {
      const big = await authorize();
      expect((await put(big.path, Buffer.concat([PDF_BYTES, Buffer.alloc(MAX)]))).status).toBe(413);
      const exe = await authorize();
      expect((await put(exe.path, Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).status).toBe(415);
      expect(await f.sql(`SELECT id FROM file.files WHERE id = ANY($1::uuid[])`, [[big.fileId, exe.fileId]])).toEqual([]);
      expect(await keysIn(svcBucket)).toEqual([]);
      expect(await spoolLeft()).toBe(0);
    });

    it('answers 404 when the row exists but the object is gone', async () => {
      const grant = await authorize();
      const view = ((await (await put(grant.path, PDF_BYTES)).json()) as { data: FileView }).data;
      // Gone behind the service's back (e.g. a bucket lifecycle rule).
      await driver.client.send(new DeleteObjectCommand({ Bucket: svcBucket, Key: `objects/${view.id.slice(0, 2)}/${view.id}` }));
      const dl = await f.call<FileDownloadGrant>(FILE_SUBJECTS.downloadAuthorize, { fileId: view.id }, admin);
      expect((await fetch(f.baseUrl + dl.path)).status).toBe(404);
    });
  });
});

import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { checkedKey, StorageObjectNotFound, type StorageDriver } from './storage-driver';

export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Local directory for upload spools: bytes are judged on disk before anything reaches the bucket. */
  spoolDir: string;
}

/** S3's minimum multipart part size; with queueSize 1 at most one part is buffered per upload. */
const PART_BYTES = 5 * 1024 * 1024;
/** Objects live under one prefix, so the bucket can hold nothing else by mistake under our keys. */
const PREFIX = 'objects/';

/**
 * S3-compatible storage (MinIO, path-style). Commit streams the already size-checked and sniffed
 * spool file to its final key (multipart past 5 MiB, one part in memory at a time); an object
 * appears to readers only when the upload completes, and a refused upload (413/415) never reaches
 * the bucket. A failed multipart upload is aborted, leaving no parts behind.
 */
export class S3StorageDriver implements StorageDriver {
  readonly kind = 's3' as const;
  readonly name = 'storage';
  readonly spoolDir: string;
  readonly bucket: string;
  readonly client: S3Client;

  constructor(o: S3StorageOptions) {
    this.spoolDir = resolve(o.spoolDir);
    this.bucket = o.bucket;
    this.client = new S3Client({
      endpoint: o.endpoint,
      region: o.region,
      forcePathStyle: true,
      credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey },
      // Checksums only where S3 requires them: S3-compatible servers do not all accept the
      // aws-chunked trailing-checksum uploads the SDK sends by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
    });
  }

  /** Spool directory, and the bucket (created when missing; a concurrent creation by another pod is fine). */
  async init(): Promise<void> {
    await mkdir(this.spoolDir, { recursive: true });
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw err;
    }
  }

  async commit(tempPath: string, key: string): Promise<void> {
    const body = createReadStream(tempPath);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: body },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } finally {
      body.destroy();
    }
    await rm(tempPath, { force: true });
  }

  async openRead(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject returned no stream body');
      return out.Body;
    } catch (err) {
      if (isNotFound(err)) throw new StorageObjectNotFound(key);
      throw err;
    }
  }

  /** S3 DeleteObject is idempotent already. */
  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  check(): Promise<unknown> {
    return this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return PREFIX + checkedKey(key);
  }
}

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return true;
  const name = (err as { name?: string } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket';
}

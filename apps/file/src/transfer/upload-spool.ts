import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Utf8TextCheck } from '../content/sniff';

export interface Spooled {
  tempPath: string;
  size: number;
  sha256: string;
  /** Every byte was UTF-8 text (decides CSV). */
  utf8Text: boolean;
}

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`File exceeds ${limit} bytes`);
  }
}

/**
 * Streams `body` into a temp file in `spoolDir`, counting, hashing and checking UTF-8 on the way;
 * past `maxBytes` it stops with UploadTooLarge and the temp file is gone. Memory stays at one chunk.
 */
export async function spoolUpload(body: Readable, spoolDir: string, maxBytes: number): Promise<Spooled> {
  const tempPath = join(spoolDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const text = new Utf8TextCheck();
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      text.push(chunk);
      done(null, chunk);
    },
  });
  // The source is piped, not pipelined: on a refusal it must stay open so the caller can still answer 413.
  const onSourceError = (err: Error) => meter.destroy(err);
  body.once('error', onSourceError);
  body.pipe(meter);
  try {
    await pipeline(meter, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (err) {
    body.unpipe(meter);
    body.off('error', onSourceError);
    await rm(tempPath, { force: true });
    throw err;
  }
  body.off('error', onSourceError);
  return { tempPath, size, sha256: hash.digest('hex'), utf8Text: text.finish() };
}

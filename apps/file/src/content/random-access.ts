import { open } from 'node:fs/promises';

/** Positional reads over a finished upload: the sniffers look at the parts they need, never the whole file. */
export interface RandomAccess {
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
}

export function bufferAccess(buf: Buffer): RandomAccess {
  return { size: buf.length, read: async (p, n) => buf.subarray(Math.max(0, p), Math.max(0, Math.min(buf.length, p + n))) };
}

/** Runs `fn` with positional reads over a file on disk, closing it afterwards. */
export async function withFileAccess<T>(path: string, fn: (ra: RandomAccess) => Promise<T>): Promise<T> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return await fn({
      size,
      async read(position, length) {
        const n = Math.max(0, Math.min(length, size - position));
        const buf = Buffer.alloc(n);
        if (n > 0) await fh.read(buf, 0, n, position);
        return buf;
      },
    });
  } finally {
    await fh.close();
  }
}

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF (whitespace collapsed) and its page count, read by pdf-parse in a child process. */
export async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'sakip-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run(process.execPath, [join(__dirname, 'pdf-text.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
    const parsed = JSON.parse(stdout) as { text: string; pages: number };
    return { text: parsed.text.replace(/\s+/g, ' '), pages: parsed.pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

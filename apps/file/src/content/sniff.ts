import { ole2EntryNames, OLE2_MAGIC } from './ole2-entries';
import type { RandomAccess } from './random-access';
import { zipEntryNames } from './zip-entries';

/** The kinds of file accepted (API.md "Files"), judged by content. */
export const FILE_KINDS = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export type FileKind = keyof typeof FILE_KINDS;

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What a finished upload is, by its bytes alone (never its name or declared type), or null when
 * it is none of the accepted kinds. `utf8Text` comes from the streaming check done while the
 * bytes arrived (see Utf8TextCheck): it decides CSV, the one kind with no signature.
 */
export async function sniffKind(ra: RandomAccess, utf8Text: boolean): Promise<FileKind | null> {
  if (ra.size === 0) return null;
  const head = await ra.read(0, 8);
  const startsWith = (sig: Buffer) => head.length >= sig.length && head.subarray(0, sig.length).equals(sig);
  if (startsWith(PDF)) return 'pdf';
  if (startsWith(PNG)) return 'png';
  if (startsWith(JPEG)) return 'jpg';
  if (startsWith(OLE2_MAGIC)) {
    const names = await ole2EntryNames(ra);
    if (!names) return null;
    if (names.includes('WordDocument')) return 'doc';
    if (names.includes('Workbook') || names.includes('Book')) return 'xls';
    return null;
  }
  if (startsWith(ZIP)) {
    const names = await zipEntryNames(ra);
    if (!names) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return null;
  }
  return utf8Text ? 'csv' : null;
}

/**
 * Streaming check that the bytes are UTF-8 text: valid UTF-8 (a sequence split across chunks is
 * fine) and no NUL or other C0 control except tab, CR, LF (binary data is not a CSV).
 */
export class Utf8TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  push(chunk: Buffer): void {
    if (!this.ok) return;
    for (const b of chunk) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
        this.ok = false;
        return;
      }
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
  }

  /** True when everything pushed was UTF-8 text, ending on a complete character. */
  finish(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

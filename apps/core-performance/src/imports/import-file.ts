import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseCsv } from './csv-parser';

/** API.md "Files": uploads are ≤ 10 MiB; anything longer is not an upload and is refused. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The file is unusable as an import: the job ends `failed` with this message. */
export class ImportFileError extends Error {}

/** One record of the file: its row number (the header is row 1) and its cells as text. */
export interface FileRecord {
  row: number;
  fields: string[];
}

export interface ReadFile {
  sha256: string;
  records: FileRecord[];
}

/** Reads the body stream into memory (bounded), hashing as it goes. */
export async function readBounded(body: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) throw new ImportFileError(`the file is larger than ${MAX_IMPORT_BYTES} bytes`);
    hash.update(chunk);
    chunks.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** CSV (UTF-8 text) or XLSX (first sheet), judged by content as the file service does. */
export async function parseImportFile(bytes: Buffer): Promise<FileRecord[]> {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return parseXlsx(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('unsupported file: expected a UTF-8 CSV or an XLSX workbook');
  }
  if (text.includes('\u0000')) throw new ImportFileError('unsupported file: expected a UTF-8 CSV or an XLSX workbook');
  try {
    return parseCsv(text).map((r) => ({ row: r.line, fields: r.fields }));
  } catch (e) {
    throw new ImportFileError(`unreadable CSV: ${(e as Error).message}`);
  }
}

async function parseXlsx(bytes: Buffer): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  try {
    // The streaming reader: rows are read as the archive is inflated, never a whole workbook model.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.some((v) => v.trim() !== '')) records.push({ row: row.number, fields: values });
      }
      break; // first sheet only (API.md "import file")
    }
  } catch (e) {
    throw new ImportFileError(`unreadable XLSX: ${(e as Error).message}`);
  }
  return records;
}

/** A cell as the text a CSV would hold: numbers as written, rich text joined, formulas by result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v);
}

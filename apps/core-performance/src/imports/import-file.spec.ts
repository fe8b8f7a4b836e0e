import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { ImportFileError, MAX_IMPORT_BYTES, parseImportFile, readBounded } from './import-file';

async function* chunks(...parts: Buffer[]): AsyncIterable<Uint8Array> {
  yield* parts;
}

describe('import file', () => {
  it('reads a UTF-8 CSV with its row numbers', async () => {
    expect(await parseImportFile(Buffer.from('\uFEFFa,b\r\n\r\n"x, y",2\r\n'))).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 3, fields: ['x, y', '2'] },
    ]);
  });

  it('reads the first sheet of an XLSX, cells as text, skipping blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('one');
    s.addRow(['a', 'b']);
    s.addRow([]);
    s.addRow([12.5, { richText: [{ text: 'ri' }, { text: 'ch' }] }]);
    wb.addWorksheet('two').addRow(['no']);
    const records = await parseImportFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 3, fields: ['12.5', 'rich'] },
    ]);
  });

  it('refuses binary content, a broken zip and an unterminated quote', async () => {
    await expect(parseImportFile(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]))).rejects.toThrow(ImportFileError);
    await expect(parseImportFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/XLSX/);
    await expect(parseImportFile(Buffer.from('a,"b\n'))).rejects.toThrow(/unterminated/);
  });

  it('hashes while reading and refuses more than the upload limit', async () => {
    const a = Buffer.from('hello ');
    const b = Buffer.from('world');
    expect(await readBounded(chunks(a, b))).toEqual({ bytes: Buffer.from('hello world'), sha256: createHash('sha256').update('hello world').digest('hex') });
    await expect(readBounded(chunks(Buffer.alloc(MAX_IMPORT_BYTES), Buffer.alloc(1)))).rejects.toThrow(ImportFileError);
  });
});

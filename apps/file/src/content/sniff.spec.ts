import { bufferAccess } from './random-access';
import { sniffKind, Utf8TextCheck } from './sniff';
import { buildOle2, buildZip, JPEG_BYTES, PDF_BYTES, PNG_BYTES } from './test-fixtures';
import { ole2EntryNames } from './ole2-entries';
import { zipEntryNames } from './zip-entries';

function textCheck(...chunks: Buffer[]): boolean {
  const c = new Utf8TextCheck();
  chunks.forEach((b) => c.push(b));
  return c.finish();
}

async function kindOf(buf: Buffer): Promise<string | null> {
  return sniffKind(bufferAccess(buf), textCheck(buf));
}

describe('sniffKind', () => {
  const docx = buildZip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
  const xlsx = buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' }, 'a comment');

  it.each([
    ['pdf', PDF_BYTES],
    ['png', PNG_BYTES],
    ['jpg', JPEG_BYTES],
    ['doc', buildOle2(['WordDocument', '\u0005SummaryInformation'])],
    ['xls', buildOle2(['Workbook'])],
    ['xls', buildOle2(['Book'], 3)],
    ['doc', buildOle2(['1Table', 'WordDocument'], 5)],
    ['docx', docx],
    ['xlsx', xlsx],
    ['csv', Buffer.from('kode;nama;nilai\n1;Dinas Pendidikan;12,5\n2;Dinas Kesehatan — Bidang P2P;7\n', 'utf8')],
    ['csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\r\n1,2\r\n')])],
  ])('%s by content', async (kind, bytes) => {
    expect(await kindOf(bytes)).toBe(kind);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['invalid UTF-8 text', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xc3, 0x28, 0x0a])],
    ['text with NUL bytes', Buffer.from('a,b\n\u0000\u0000\n', 'utf8')],
    ['a ZIP that is not an Office file', buildZip({ 'readme.txt': 'hi', 'bin/run.sh': 'echo' })],
    ['a truncated ZIP', buildZip({ 'word/document.xml': 'x' }).subarray(0, 40)],
    ['an OLE2 file of another kind', buildOle2(['PowerPoint Document'])],
    ['an OLE2 header without a directory', buildOle2(['WordDocument']).subarray(0, 600)],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])],
  ])('refuses %s', async (_what, bytes) => {
    expect(await kindOf(bytes)).toBeNull();
  });

  it('ignores what the name or first text says: a PDF signature wins over a .csv name, text without one is CSV', async () => {
    expect(await kindOf(Buffer.from('%PDF-1.7\n', 'latin1'))).toBe('pdf');
    expect(await kindOf(Buffer.from('PK is a company code\n', 'utf8'))).toBe('csv');
  });
});

describe('container directories', () => {
  it('lists ZIP central-directory entries', async () => {
    expect(await zipEntryNames(bufferAccess(buildZip({ 'a.txt': '1', 'dir/b.xml': '22' })))).toEqual(['a.txt', 'dir/b.xml']);
  });

  it('lists OLE2 directory entries through the FAT chain', async () => {
    expect(await ole2EntryNames(bufferAccess(buildOle2(['WordDocument', 'Data'], 4)))).toEqual(['Root Entry', 'WordDocument', 'Data']);
  });

  it('refuses an OLE2 file whose directory chain loops', async () => {
    const f = buildOle2(['Workbook']);
    f.writeUInt32LE(1, 512 + 4); // FAT: directory sector 1 points to itself
    expect(await ole2EntryNames(bufferAccess(f))).toBeNull();
  });
});

describe('Utf8TextCheck', () => {
  it('accepts a multi-byte character split across chunks', () => {
    const bytes = Buffer.from('Rp 1.250.000 — ok', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1;
    expect(textCheck(bytes.subarray(0, cut), bytes.subarray(cut))).toBe(true);
  });

  it('refuses a file ending inside a character', () => {
    expect(textCheck(Buffer.from([0x61, 0xe2, 0x80]))).toBe(false);
  });
});

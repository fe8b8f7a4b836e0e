import { contentDisposition, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['laporan.pdf', 'laporan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\LKjIP 2024.docx', 'LKjIP 2024.docx'],
    ['a\u0000b\r\n.pdf', 'a_b__.pdf'],
    ['re\u202Efdp.exe', 're_fdp.exe'],
    ['  ..hidden.  ', 'hidden'],
    ['what?*<>|"name".xlsx', 'what______name_.xlsx'],
    ['CON.txt', '_CON.txt'],
    ['...', 'file'],
    ['Cafe\u0301.csv', 'Café.csv'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('keeps the extension when shortening', () => {
    const n = sanitizeFileName(`${'a'.repeat(300)}.xlsx`);
    expect(n).toHaveLength(200);
    expect(n.endsWith('.xlsx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('Capaian "Q1" – Dinas.pdf')).toBe(`attachment; filename="Capaian _Q1_  Dinas.pdf"; filename*=UTF-8''Capaian%20_Q1_%20%E2%80%93%20Dinas.pdf`);
    expect(contentDisposition('x\r\nSet-Cookie: a=b')).not.toMatch(/[\r\n]/);
  });
});

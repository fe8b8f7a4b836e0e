import { parseCsv } from './csv-parser';

describe('parseCsv', () => {
  const fields = (text: string) => parseCsv(text).map((r) => r.fields);

  it('splits plain records on LF and CRLF', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a leading BOM', () => {
    expect(fields('\uFEFFindicatorId,year\nx,2025')).toEqual([['indicatorId', 'year'], ['x', '2025']]);
  });

  it('handles quotes: commas, doubled quotes and line breaks inside', () => {
    expect(fields('a,"b, c","say ""hi""","x\r\ny"\n')).toEqual([['a', 'b, c', 'say "hi"', 'x\r\ny']]);
    expect(fields('"",x')).toEqual([['', 'x']]);
  });

  it('keeps empty fields and skips blank lines, numbering records by their first line', () => {
    const rows = parseCsv('h1,h2\n\n1,\n"multi\nline",2\r\n\r\n,3\n');
    expect(rows).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['1', ''] },
      { line: 4, fields: ['multi\nline', '2'] },
      { line: 7, fields: ['', '3'] },
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/unterminated/);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF\n\n')).toEqual([]);
  });
});

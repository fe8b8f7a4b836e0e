/**
 * RFC 4180 CSV: fields split by commas, quoted fields may hold commas, CR/LF and doubled quotes
 * (`""`). Accepts LF or CRLF line ends and a leading UTF-8 BOM. Returns each record with the
 * 1-based line number it starts on (so a rejected row names the line a user sees in the file);
 * blank lines are skipped. Throws on an unterminated quote (the file is unreadable).
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty unquoted field: not a record.
    if (sawAny || fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    sawAny = false;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      sawAny = true;
    } else if (c === ',') endField();
    else if (c === '\r' && src[i + 1] === '\n') continue;
    else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) throw new Error(`unterminated quoted field starting on line ${recordLine}`);
  if (field !== '' || fields.length || sawAny) endRecord();
  return records;
}

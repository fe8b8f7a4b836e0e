import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { cellNumber } from '../format/cells';
import type { Block, Blocks, Column } from '../model';

const NUMFMT: Record<Column['type'], string | undefined> = { text: undefined, number: '#,##0.00', money: '#,##0.00', percent: '0.00', integer: '0' };
const THIN = { style: 'thin' as const, color: { argb: 'FF777777' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MAX_COLUMNS = 10;

/**
 * Writes the blocks with exceljs' streaming WorkbookWriter: every row is committed as soon as it is
 * written, so the workbook never sits in memory whole. Numbers stay numeric cells with a number
 * format (Excel shows them in the reader's locale); headings and texts are rows of their own.
 */
export async function renderXlsx(blocks: Blocks, out: Writable, o: { title: string; sheet: string }): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'SAKIP Platform';
  wb.title = o.title;
  const ws = wb.addWorksheet(o.sheet.slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = Array.from({ length: MAX_COLUMNS }, (_, i) => ({ width: i === 0 ? 8 : i === 1 || i === 2 ? 42 : 18 }));
  const put = (values: Array<string | number | null>, style?: (cell: ExcelJS.Cell, i: number) => void) => {
    const row = ws.addRow(values);
    if (style) values.forEach((_, i) => style(row.getCell(i + 1), i));
    row.commit();
  };
  for await (const b of blocks) write(b, put);
  ws.commit();
  await wb.commit();
}

type Put = (values: Array<string | number | null>, style?: (cell: ExcelJS.Cell, i: number) => void) => void;

function write(b: Block, put: Put): void {
  switch (b.kind) {
    case 'cover':
      for (const line of [...b.lines, ...b.footer]) put([line], (c) => (c.font = { bold: true, size: 14 }));
      put([]);
      return;
    case 'heading':
      put([b.text], (c) => (c.font = { bold: true, size: b.level === 1 ? 13 : b.level === 2 ? 12 : 11 }));
      return;
    case 'paragraph':
      put([b.text], (c) => (c.alignment = { wrapText: false }));
      return;
    case 'table': {
      put(b.columns.map((c) => c.header), (c) => {
        c.font = { bold: true };
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F0' } };
        c.border = BORDER;
        c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      });
      const rows = [...b.rows.map((r) => ({ r, bold: false })), ...(b.total ? [{ r: b.total, bold: true }] : [])];
      for (const { r, bold } of rows) {
        put(b.columns.map((col, i) => cellNumber(r[i] ?? null, col)), (c, i) => {
          const type = b.columns[i]?.type ?? 'text';
          const fmt = NUMFMT[type];
          if (fmt) c.numFmt = fmt;
          c.border = BORDER;
          c.alignment = { wrapText: type === 'text', vertical: 'top' };
          if (bold) c.font = { bold: true };
        });
      }
      put([]);
      return;
    }
    case 'chart':
      // No drawing in the sheet: its numbers, as a small table.
      put([b.title], (c) => (c.font = { italic: true }));
      put(['', ...b.series.map((s) => s.name)], (c) => (c.font = { bold: true }));
      b.categories.forEach((cat, i) => put([cat, ...b.series.map((s) => s.values[i] ?? null)], (c, j) => (j > 0 ? (c.numFmt = '0.00') : undefined)));
      put([]);
      return;
    case 'signatures':
      put([`${b.place}, ${b.date}`]);
      for (const p of b.parties) put([p.role || p.title, p.name, p.rank ?? '', p.nip ? `NIP. ${p.nip}` : '']);
      put([]);
      return;
    case 'pageBreak':
      put([]);
      return;
  }
}

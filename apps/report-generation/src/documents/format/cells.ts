import type { CellValue, Column } from '../model';
import type { ReportLanguage } from '../generate-report';
import { formatMoney, formatNumber } from './format';

/** A cell as text for the PDF, by its column's type. */
export function cellText(value: CellValue, column: Column, lang: ReportLanguage): string {
  if (value === null || value === undefined || value === '') return column.type === 'text' || column.type === 'integer' ? '' : '–';
  switch (column.type) {
    case 'money':
      return formatMoney(value, lang);
    case 'number':
    case 'percent':
      return formatNumber(value, lang, 2);
    case 'integer':
      return formatNumber(value, lang, 0);
    default:
      return String(value);
  }
}

/** A cell for the XLSX: numbers stay numbers (Excel formats them in the reader's locale). */
export function cellNumber(value: CellValue, column: Column): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'text') return String(value);
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : String(value);
}

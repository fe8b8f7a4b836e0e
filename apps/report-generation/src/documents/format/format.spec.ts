import { cellNumber, cellText } from './cells';
import { formatDate, formatMoney, formatNumber, timeZoneOf } from './format';
import { labelOf, labelsFor, periodName } from './labels';
import { placeOf } from '../content/doc-context';
import { quarterTargets } from '../content/tables';
import { reportFileOf } from '../report-file';
import { winAnsi } from '../pdf/win-ansi';

describe('document formatting', () => {
  it('writes numbers the Indonesian way by default and the English way on request', () => {
    expect(formatNumber(1234.5, 'id')).toBe('1.234,50');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.50');
    expect(formatMoney('15391151000.00', 'id')).toBe('15.391.151.000,00');
    expect(formatNumber(null, 'id')).toBe('–');
    expect(formatNumber('x', 'id')).toBe('–');
  });

  it('dates documents on the Pemda\'s calendar day', () => {
    const lateEvening = new Date('2026-11-23T18:30:00Z'); // 01:30 WIB on the 24th, 02:30 WITA
    expect(formatDate(lateEvening, 'id', timeZoneOf('WIB'))).toBe('24 November 2026');
    expect(formatDate(new Date('2026-11-23T15:30:00Z'), 'id', timeZoneOf('WIB'))).toBe('23 November 2026');
    expect(formatDate(new Date('2026-11-23T15:30:00Z'), 'id', timeZoneOf('WIT'))).toBe('24 November 2026');
    expect(formatDate(new Date('2026-03-05T00:00:00Z'), 'en', 'Asia/Jakarta')).toBe('5 March 2026');
  });

  it('formats cells by column type: blanks stay blank in text and numbering columns, dashes elsewhere', () => {
    expect(cellText(null, { header: 'No', width: 1, type: 'integer' }, 'id')).toBe('');
    expect(cellText(null, { header: 'Target', width: 1, type: 'number' }, 'id')).toBe('–');
    expect(cellText(97.73, { header: 'Capaian', width: 1, type: 'percent' }, 'id')).toBe('97,73');
    expect(cellNumber('1250000000.00', { header: 'Pagu', width: 1, type: 'money' })).toBe(1250000000);
    expect(cellNumber('Dinas', { header: 'Uraian', width: 1, type: 'text' })).toBe('Dinas');
  });

  it('names periods and categories in the document language', () => {
    expect(periodName('Q3', 'id')).toBe('Triwulan III');
    expect(periodName('Q3', 'en')).toBe('Quarter 3');
    expect(periodName('M02', 'id')).toBe('Februari');
    expect(periodName('Y', 'id')).toBe('Tahunan');
    expect(labelOf(labelsFor('en'), 'Sangat Tinggi')).toBe('Very High');
    expect(labelOf(labelsFor('id'), 'fairly_efficient')).toBe('Cukup efisien');
    expect(placeOf('Pemerintah Kabupaten Sukamaju')).toBe('Sukamaju');
  });

  it('splits a year\'s target into TW I–IV by frequency and aggregation', () => {
    const months = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, i + 1]));
    const t = (periods: Record<string, number>, annual = 100) => ({ indicatorId: 'x', year: 2026, annual, periods, version: 1, updatedAt: '' });
    expect(quarterTargets(t(months), 'sum')).toEqual([6, 15, 24, 33]);
    expect(quarterTargets(t(months), 'average')).toEqual([2, 5, 8, 11]);
    expect(quarterTargets(t(months), 'last')).toEqual([3, 6, 9, 12]);
    expect(quarterTargets(t({ Q1: 10, Q2: 20, Q3: 30, Q4: 40 }), 'sum')).toEqual([10, 20, 30, 40]);
    expect(quarterTargets(t({ S1: 40, S2: 90 }), 'last')).toEqual([null, 40, null, 90]);
    expect(quarterTargets(t({}, 75), 'last')).toEqual([null, null, null, 75]);
    expect(quarterTargets(null, 'sum')).toEqual([null, null, null, null]);
  });

  it('names the downloaded file after the report', () => {
    expect(reportFileOf({ type: 'lkjip', format: 'pdf', year: 2026, opdId: '1a2b3c4d-0000-4000-8000-000000000000', period: null })).toEqual({ fileName: 'LKjIP-2026-OPD-1a2b3c4d.pdf', mimeType: 'application/pdf' });
    expect(reportFileOf({ type: 'capaian', format: 'xlsx', year: 2026, opdId: null, period: 'Q2' }).fileName).toBe('Capaian-Kinerja-2026-Q2-Pemda.xlsx');
  });
});

describe('PDF text filter', () => {
  it('keeps Indonesian Latin text and spells out symbols the standard fonts cannot show', () => {
    expect(winAnsi('Proporsi penduduk usia 13–15 tahun × 100% — “baik”')).toBe('Proporsi penduduk usia 13–15 tahun × 100% — “baik”');
    expect(winAnsi('Σ(nilai × bobot) ≥ 75')).toBe('Sum (nilai × bobot) >= 75');
    expect(winAnsi('数据')).toBe('??');
  });
});

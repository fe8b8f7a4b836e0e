import { Role } from '@sakip/contracts';
import { callerAs } from '@sakip/testing';
import { OpdAccess } from '../access/opd-access';
import { cellsOf, judgeRow, readHeader, type ColumnMap, type ImportIndicator } from './import-row';

const OPD = '0190a000-0000-7000-8000-00000000000a';
const OTHER = '0190a000-0000-7000-8000-00000000000b';
const Q_IND = '0190a000-0000-7000-8000-000000000001';
const FOREIGN = '0190a000-0000-7000-8000-000000000002';
const PEMDA = '0190a000-0000-7000-8000-000000000003';
const indicators = new Map<string, ImportIndicator>([
  [Q_IND, { id: Q_IND, opd_id: OPD, frequency: 'quarterly', period_start: 2025, period_end: 2029 }],
  [FOREIGN, { id: FOREIGN, opd_id: OTHER, frequency: 'quarterly', period_start: 2025, period_end: 2029 }],
  [PEMDA, { id: PEMDA, opd_id: null, frequency: 'annual', period_start: 2025, period_end: 2029 }],
]);
const admin = OpdAccess.of(callerAs(Role.AdminOpd, OPD));
const cols = readHeader(['indicatorId', 'year', 'period', 'realization', 'notes']) as ColumnMap;
const judge = (cells: string[], access = admin) => judgeRow(cellsOf(cells, cols), indicators, access);

describe('import header', () => {
  it('accepts any column order and an absent notes column; refuses a missing column', () => {
    expect(readHeader([' year', 'indicatorId', 'period', 'realization'])).toEqual({ year: 0, indicatorId: 1, period: 2, realization: 3, notes: -1 });
    expect(readHeader(['indicatorId', 'year', 'period'])).toMatch(/missing realization/);
  });
});

describe('import row rules (the achievement create rules)', () => {
  it.each([
    ['a good row', [Q_IND, '2026', 'Q1', '87.5', 'ok'], null],
    ['trailing zeros normalised', [Q_IND, '2026', 'Q2', '10.2500', ''], null],
    ['not a uuid', ['x', '2026', 'Q1', '1', ''], 'indicatorId: must be a UUID'],
    ['unknown indicator', ['0190a000-0000-7000-8000-0000000000ff', '2026', 'Q1', '1', ''], 'indicatorId: Indicator not found'],
    ['another OPD\'s indicator', [FOREIGN, '2026', 'Q1', '1', ''], 'indicatorId: Indicator not found'],
    ['a Pemda indicator for admin_opd', [PEMDA, '2026', 'Y', '1', ''], 'indicatorId:'],
    ['year not a number', [Q_IND, '20x6', 'Q1', '1', ''], 'year:'],
    ['year outside the plan', [Q_IND, '2031', 'Q1', '1', ''], 'year'],
    ['period of another frequency', [Q_IND, '2026', 'M01', '1', ''], 'period:'],
    ['5 decimals', [Q_IND, '2026', 'Q1', '1.12345', ''], 'realization:'],
    ['16 digits', [Q_IND, '2026', 'Q1', '1234567890123456', ''], 'realization:'],
    ['not a number', [Q_IND, '2026', 'Q1', '1e3', ''], 'realization:'],
    ['notes too long', [Q_IND, '2026', 'Q1', '1', 'x'.repeat(2001)], 'notes:'],
  ])('%s', (_name, cells, error) => {
    const verdict = judge(cells);
    if (error === null) expect(verdict.ok).toBe(true);
    else expect(verdict).toEqual({ ok: false, error: expect.stringContaining(error) });
  });

  it('returns the values to write', () => {
    expect(judge([Q_IND, '2026', 'Q2', '10.2500', ''])).toEqual({
      ok: true,
      values: { indicatorId: Q_IND, opdId: OPD, year: 2026, period: 'Q2', realization: '10.25', notes: null },
    });
  });

  it('lets super_admin import into a Pemda indicator', () => {
    expect(judge([PEMDA, '2026', 'Y', '3', ''], OpdAccess.of(callerAs(Role.SuperAdmin))).ok).toBe(true);
  });
});

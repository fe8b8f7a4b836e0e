import { ACHIEVEMENT_NOTE_MAX, isRealizationNumber } from '@sakip/contracts';
import { isUUID } from 'class-validator';
import type { OpdAccess } from '../access/opd-access';
import { achievementFitErrors, type AchievementFitBasis } from '../achievements/achievement-fit';
import { parseDecimal } from '../periods/period-calendar';

/** API.md "import file": the header, in any column order. */
export const IMPORT_COLUMNS = ['indicatorId', 'year', 'period', 'realization', 'notes'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ColumnMap = Record<ImportColumn, number>;

/** An indicator as the import checks a row against it (one set-based read per file). */
export interface ImportIndicator extends AchievementFitBasis {
  id: string;
  opd_id: string | null;
}

/** A row that passed every check: what is written. */
export interface ImportValues {
  indicatorId: string;
  opdId: string | null;
  year: number;
  period: string;
  /** numeric text, normalised (no trailing zeros). */
  realization: string;
  notes: string | null;
}

export type RowVerdict = { ok: true; values: ImportValues } | { ok: false; error: string };

/** Column positions of the header (`notes` may be absent), or why it is not the import header. */
export function readHeader(fields: readonly string[]): ColumnMap | string {
  const names = fields.map((f) => f.trim());
  const map: Partial<ColumnMap> = {};
  for (const c of IMPORT_COLUMNS) {
    const at = names.indexOf(c);
    if (at < 0 && c !== 'notes') return `the header must hold ${IMPORT_COLUMNS.join(',')} (missing ${c})`;
    map[c] = at;
  }
  return map as ColumnMap;
}

/** The cells of one data row as raw text (trimmed; a missing cell is ''). */
export function cellsOf(fields: readonly string[], cols: ColumnMap): Record<ImportColumn, string> {
  const at = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
  return { indicatorId: at(cols.indicatorId), year: at(cols.year), period: at(cols.period), realization: at(cols.realization), notes: at(cols.notes) };
}

/**
 * The create rules of `POST /achievements` on one row: the indicator visible and writable by the
 * caller (a foreign one reads as not found), year in range and inside the plan, a period of the
 * indicator's frequency, realization ≤ 4 decimals / 15 digits, notes ≤ the note limit.
 */
export function judgeRow(cells: Record<ImportColumn, string>, indicators: ReadonlyMap<string, ImportIndicator>, access: OpdAccess): RowVerdict {
  const fail = (error: string): RowVerdict => ({ ok: false, error });
  if (!isUUID(cells.indicatorId)) return fail('indicatorId: must be a UUID');
  const indicator = indicators.get(cells.indicatorId.toLowerCase());
  if (!indicator || !access.canSee(indicator.opd_id)) return fail('indicatorId: Indicator not found');
  try {
    access.assertWritable(indicator.opd_id, 'Indicator');
  } catch (e) {
    return fail(`indicatorId: ${(e as Error).message}`);
  }
  if (!/^\d{4}$/.test(cells.year) || Number(cells.year) < 2000 || Number(cells.year) > 2100) return fail('year: must be an integer from 2000 to 2100');
  const year = Number(cells.year);
  if (!/^-?\d+(\.\d+)?$/.test(cells.realization) || !isRealizationNumber(Number(cells.realization)) || !sameNumber(cells.realization)) {
    return fail('realization: must be a number with at most 4 decimals and 15 digits');
  }
  if (cells.notes.length > ACHIEVEMENT_NOTE_MAX) return fail(`notes: at most ${ACHIEVEMENT_NOTE_MAX} characters`);
  const misfit = achievementFitErrors(indicator, year, cells.period);
  if (misfit.length) return fail(misfit.map((e) => `${e.field}: ${e.message}`).join('; '));
  return {
    ok: true,
    values: {
      indicatorId: indicator.id,
      opdId: indicator.opd_id,
      year,
      period: cells.period,
      realization: parseDecimal(cells.realization, 'realization').toFixed(),
      notes: cells.notes === '' ? null : cells.notes,
    },
  };
}

/** The text and its JSON number are the same value (no digits lost beyond what a number holds). */
function sameNumber(text: string): boolean {
  return parseDecimal(text).equals(parseDecimal(String(Number(text))));
}

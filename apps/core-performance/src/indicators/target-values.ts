import { isRealizationNumber, type ErrorDetail } from '@sakip/contracts';
import { ALL_PERIODS } from '../periods/period-calendar';

/**
 * The achievements' rule (isRealizationNumber): at most 4 decimals (numeric(20,4)) and 15 digits
 * in all, so that every accepted value survives JSON's double exactly — what the client wrote is
 * what is stored and what the view answers.
 */
const MAX_DECIMALS = 4;
const MAX_DIGITS = 15;

/**
 * A target value as the API takes it (a JSON number ≥ 0, at most 4 decimals and 15 digits)
 * turned into the exact decimal text the split rules and the database work with; null after
 * pushing the problem. A JSON number is read through its shortest text (`0.1` → "0.1"), so no
 * float arithmetic happens.
 */
export function targetValueText(value: unknown, field: string, errors: ErrorDetail[]): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field, message: 'must be a number' });
    return null;
  }
  if (value < 0) {
    errors.push({ field, message: `must not be negative, got ${value}` });
    return null;
  }
  const text = String(value);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  // Exponent notation (`1e-7`, `1e+21`) appears only far outside these bounds on either side.
  if (!m ? value < 1 : (m[2] ?? '').length > MAX_DECIMALS) {
    errors.push({ field, message: `must have at most ${MAX_DECIMALS} decimals, got ${text}` });
    return null;
  }
  if (!isRealizationNumber(value)) {
    errors.push({ field, message: `must have at most ${MAX_DIGITS} digits in all (a JSON number carries no more exactly), got ${text}` });
    return null;
  }
  return text;
}

/** Checks every value of a `periods` object; the split rules run only when all of them parse. */
export function periodValueTexts(periods: Record<string, unknown>, errors: ErrorDetail[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(periods)) {
    const text = targetValueText(value, `periods.${key}`, errors);
    if (text !== null) out[key] = text;
  }
  return out;
}

/** The year must lie inside the plan's five years. */
export function yearOutsidePlan(year: number, periodStart: number, periodEnd: number, field = 'year'): ErrorDetail | null {
  return year >= periodStart && year <= periodEnd ? null : { field, message: `must lie in the plan period ${periodStart}–${periodEnd}, got ${year}` };
}

/** numeric text → JSON numbers keyed in calendar order (Q1–Q4, then M01–M12). */
export function periodsAsNumbers(periods: Record<string, string>): Record<string, number> {
  const rank = (p: string) => {
    const i = (ALL_PERIODS as readonly string[]).indexOf(p);
    return i < 0 ? ALL_PERIODS.length : i;
  };
  return Object.fromEntries(
    Object.keys(periods)
      .sort((a, b) => rank(a) - rank(b))
      .map((k) => [k, Number(periods[k])]),
  );
}

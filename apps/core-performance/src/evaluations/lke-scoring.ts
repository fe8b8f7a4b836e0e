import type { LkeAnswer, LkeAnswerType, LkeGrade } from '@sakip/contracts';
import Decimal from 'decimal.js';
import { CapaianDecimal as D } from '../capaian/capaian';
import { round2 } from '../capaian/category';

/**
 * LKE scoring of DOMAIN.md "Evaluation (LKE, PermenPAN-RB 88/2021)". Pure and exact: decimal.js,
 * a sub-component's value is the mean of its criteria, the score is Σ (value × weight / 100),
 * rounded half-up to 2 decimals BEFORE grading.
 */

/** Which answers each criterion type takes. */
export const ANSWERS_OF: Readonly<Record<LkeAnswerType, readonly LkeAnswer[]>> = {
  yes_no: ['Y', 'T'],
  a_to_e: ['A', 'B', 'C', 'D', 'E'],
};

/** Points of an answer: Y = 100, T = 0; A 100, B 75, C 50, D 25, E 0 (the letters of the two types do not overlap). */
export const ANSWER_POINTS: Readonly<Record<LkeAnswer, number>> = { Y: 100, T: 0, A: 100, B: 75, C: 50, D: 25, E: 0 };

export function isAnswerValid(type: LkeAnswerType, answer: string): answer is LkeAnswer {
  return (ANSWERS_OF[type] as readonly string[]).includes(answer);
}

/** Grades with EXCLUSIVE lower bounds, best first; 0–30 (inclusive) is D. */
const GRADE_BOUNDS: ReadonlyArray<readonly [Decimal, LkeGrade]> = [
  [new D(90), 'AA'],
  [new D(80), 'A'],
  [new D(70), 'BB'],
  [new D(60), 'B'],
  [new D(50), 'CC'],
  [new D(30), 'C'],
];

/** The names PermenPAN-RB 88/2021 gives the grades. */
export const GRADE_LABELS: Readonly<Record<LkeGrade, string>> = {
  AA: 'Sangat Memuaskan',
  A: 'Memuaskan',
  BB: 'Sangat Baik',
  B: 'Baik',
  CC: 'Cukup',
  C: 'Kurang',
  D: 'Sangat Kurang',
};

/** Half-up to 2 decimals, as text ('80.005' → '80.01'). */
export function roundScore(score: Decimal | string): string {
  return round2(new D(score));
}

/** Grade of a score, after rounding it to 2 decimals: 90.00 → A, 90.01 → AA, 30.00 → D, 30.01 → C. */
export function gradeOf(score: Decimal | string): LkeGrade {
  const rounded = new D(roundScore(score));
  if (rounded.lt(0) || rounded.gt(100)) throw new RangeError(`an LKE score lies in 0–100, got ${rounded.toFixed(2)}`);
  for (const [bound, grade] of GRADE_BOUNDS) if (rounded.gt(bound)) return grade;
  return 'D';
}

/** One sub-component as scoring sees it: its weight in the 0–100 score and its answers (null = unanswered). */
export interface SubComponentAnswers {
  weight: Decimal | string;
  answers: ReadonlyArray<LkeAnswer | null>;
}

/** Mean of the answered criteria (0–100), unrounded; null when none is answered. */
export function subComponentValue(answers: ReadonlyArray<LkeAnswer | null>): Decimal | null {
  const points = answers.filter((a): a is LkeAnswer => a !== null).map((a) => ANSWER_POINTS[a]);
  if (!points.length) return null;
  return new D(points.reduce((s, p) => s + p, 0)).div(points.length);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Σ (sub-component value × weight / 100) over the sub-components with an answer, unrounded; null
 * when none has one. Exact: with n_j answered criteria summing to S_j points, the score is
 * Σ S_j × w_j / (n_j × 100) = Σ S_j × w_j × (L / n_j) / (L × 100) with L = lcm(n_j), i.e. ONE division
 * of exact decimals, so a true half (80.005) is never seen as 80.00499… and rounds up as it must.
 */
export function weightedScore(subs: readonly SubComponentAnswers[]): Decimal | null {
  const scored = subs
    .map((s) => ({ weight: new D(s.weight), points: s.answers.filter((a): a is LkeAnswer => a !== null).map((a) => ANSWER_POINTS[a]) }))
    .filter((s) => s.points.length > 0);
  if (!scored.length) return null;
  const lcm = scored.reduce((l, s) => (l / gcd(l, s.points.length)) * s.points.length, 1);
  const numerator = D.sum(...scored.map((s) => s.weight.mul(s.points.reduce((sum, p) => sum + p, 0)).mul(lcm / s.points.length)));
  return numerator.div(lcm * 100);
}

export interface LkeResult {
  /** 0–100, 2 decimals, half-up. */
  score: string;
  grade: LkeGrade;
}

/** The final score and grade of a complete sheet; RangeError when a criterion is unanswered (the caller refuses first). */
export function scoreEvaluation(subs: readonly SubComponentAnswers[]): LkeResult {
  if (subs.some((s) => !s.answers.length || s.answers.includes(null))) throw new RangeError('every criterion must be answered before scoring');
  const total = weightedScore(subs) ?? new D(0);
  const score = roundScore(total);
  return { score, grade: gradeOf(score) };
}

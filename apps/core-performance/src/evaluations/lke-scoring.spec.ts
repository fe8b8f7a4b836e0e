import type { LkeAnswer, LkeGrade } from '@sakip/contracts';
import { lke88TemplateContent } from '../migrations/1733100000100-evaluations';
import { ANSWER_POINTS, gradeOf, isAnswerValid, roundScore, scoreEvaluation, subComponentValue, weightedScore, type SubComponentAnswers } from './lke-scoring';
import { parseTemplate } from './lke-template';

const template = parseTemplate('lke-88-2021', 1, lke88TemplateContent());
/** The seeded sheet with every criterion answered by `pick(answerType)`. */
const sheet = (pick: (type: 'yes_no' | 'a_to_e', code: string) => LkeAnswer): SubComponentAnswers[] =>
  template.components.flatMap((c) => c.subComponents.map((s) => ({ weight: s.weight, answers: s.criteria.map((k) => pick(k.answerType, k.code)) })));

describe('LKE grades (DOMAIN.md: exclusive lower bounds, on the score rounded to 2 decimals)', () => {
  it.each<[string, LkeGrade]>([
    ['100', 'AA'],
    ['90.01', 'AA'],
    ['90.00', 'A'],
    ['90.004', 'A'],
    ['90.005', 'AA'],
    ['80.01', 'A'],
    ['80.005', 'A'],
    ['80.00', 'BB'],
    ['80.004', 'BB'],
    ['70.01', 'BB'],
    ['70', 'B'],
    ['60.01', 'B'],
    ['60', 'CC'],
    ['50.01', 'CC'],
    ['50', 'C'],
    ['30.01', 'C'],
    ['30.00', 'D'],
    ['30.004', 'D'],
    ['0', 'D'],
  ])('%s → %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  it('rounds half-up before grading: 80.005 → 80.01', () => {
    expect(roundScore('80.005')).toBe('80.01');
    expect(roundScore('80.0049999')).toBe('80.00');
    expect(roundScore('0')).toBe('0.00');
  });

  it('refuses a score outside 0–100', () => {
    expect(() => gradeOf('100.01')).toThrow(RangeError);
    expect(() => gradeOf('-0.01')).toThrow(RangeError);
  });
});

describe('LKE answers', () => {
  it.each<[string, string, boolean]>([
    ['yes_no', 'Y', true],
    ['yes_no', 'T', true],
    ['yes_no', 'A', false],
    ['yes_no', 'N', false],
    ['a_to_e', 'A', true],
    ['a_to_e', 'E', true],
    ['a_to_e', 'Y', false],
    ['a_to_e', 'F', false],
    ['a_to_e', 'a', false],
  ])('%s takes %s: %s', (type, answer, ok) => {
    expect(isAnswerValid(type as 'yes_no' | 'a_to_e', answer)).toBe(ok);
  });

  it('scores Y 100, T 0, A 100 … E 0 in steps of 25', () => {
    expect(ANSWER_POINTS).toEqual({ Y: 100, T: 0, A: 100, B: 75, C: 50, D: 25, E: 0 });
  });
});

describe('LKE scoring', () => {
  it('a sub-component is the mean of its answered criteria', () => {
    expect(subComponentValue(['A', 'B', 'C'])?.toFixed(2)).toBe('75.00');
    expect(subComponentValue(['Y', 'T', 'T'])?.toFixed(4)).toBe('33.3333');
    expect(subComponentValue(['Y', null])?.toFixed(2)).toBe('100.00');
    expect(subComponentValue([null, null])).toBeNull();
  });

  it('weighs sub-components: Σ value × weight / 100', () => {
    // Perencanaan keberadaan (6) all Y, kualitas (9) at 75, pemanfaatan (15) at 50: 6 + 6.75 + 7.5.
    const subs = [
      { weight: '6', answers: ['Y', 'Y'] as LkeAnswer[] },
      { weight: '9', answers: ['B'] as LkeAnswer[] },
      { weight: '15', answers: ['C', 'A', 'E'] as LkeAnswer[] },
    ];
    expect(weightedScore(subs)?.toFixed(2)).toBe('20.25');
  });

  it('is exact where thirds meet: 12.5 × 2/3 + 12.5 × 1/3 = 12.5', () => {
    const subs = [
      { weight: '12.5', answers: ['A', 'A', 'E'] as LkeAnswer[] },
      { weight: '12.5', answers: ['A', 'E', 'E'] as LkeAnswer[] },
    ];
    expect(weightedScore(subs)?.toString()).toBe('12.5');
  });

  it('rounds a true half up (80.005 → 80.01, A) and a hair below it down (BB)', () => {
    const half = [
      { weight: '80', answers: ['Y'] as LkeAnswer[] },
      { weight: '0.02', answers: ['D'] as LkeAnswer[] },
    ];
    expect(weightedScore(half)?.toString()).toBe('80.005');
    expect(scoreEvaluation(half)).toEqual({ score: '80.01', grade: 'A' });
    const below = [
      { weight: '80', answers: ['Y'] as LkeAnswer[] },
      { weight: '0.01', answers: ['Y', 'D', 'E'] as LkeAnswer[] },
    ];
    // 80 + 0.01 × 125/300 = 80.00416…
    expect(scoreEvaluation(below)).toEqual({ score: '80.00', grade: 'BB' });
  });

  it('the seeded LKE: all Y/A → 100 AA; all T/E → 0 D', () => {
    expect(scoreEvaluation(sheet((t) => (t === 'yes_no' ? 'Y' : 'A')))).toEqual({ score: '100.00', grade: 'AA' });
    expect(scoreEvaluation(sheet((t) => (t === 'yes_no' ? 'T' : 'E')))).toEqual({ score: '0.00', grade: 'D' });
  });

  it('the seeded LKE: yes_no all Y and a_to_e all C lands between', () => {
    const result = scoreEvaluation(sheet((t) => (t === 'yes_no' ? 'Y' : 'C')));
    const expected = weightedScore(sheet((t) => (t === 'yes_no' ? 'Y' : 'C')));
    expect(result.score).toBe(roundScore(expected!));
    expect(Number(result.score)).toBeGreaterThan(50);
    expect(Number(result.score)).toBeLessThan(100);
  });

  it('a draft with nothing answered has no score; scoring a partial sheet is refused', () => {
    expect(weightedScore([{ weight: '6', answers: [null] }])).toBeNull();
    expect(() => scoreEvaluation([{ weight: '6', answers: ['Y', null] }])).toThrow(RangeError);
  });
});

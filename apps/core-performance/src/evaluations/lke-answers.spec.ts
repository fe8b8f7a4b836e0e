import type { DomainError, EvaluationAnswerItem } from '@sakip/contracts';
import { checkAnswers, type CriterionRef } from './lke-answers';

const YN = '00000000-0000-4000-8000-000000000001';
const AE = '00000000-0000-4000-8000-000000000002';
const FILE = '00000000-0000-4000-8000-0000000000ff';
const criteria = new Map<string, CriterionRef>([
  [YN, { id: YN, code: '1.a.1', answer_type: 'yes_no' }],
  [AE, { id: AE, code: '1.b.1', answer_type: 'a_to_e' }],
]);

const errorOf = (items: EvaluationAnswerItem[]) => {
  try {
    checkAnswers(items, criteria);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a validation error');
};

describe('checkAnswers', () => {
  it('passes answers that fit their criteria, keeping omitted note/evidence as "keep"', () => {
    expect(
      checkAnswers(
        [
          { criterionId: YN, answer: 'Y' },
          { criterionId: AE.toUpperCase(), answer: 'C', note: null, evidenceFileIds: [FILE.toUpperCase(), FILE] },
        ],
        criteria,
      ),
    ).toEqual([
      { criterionId: YN, answer: 'Y' },
      { criterionId: AE, answer: 'C', note: null, evidenceFileIds: [FILE] },
    ]);
  });

  it('names an answer its criterion type does not take', () => {
    const err = errorOf([
      { criterionId: YN, answer: 'A' },
      { criterionId: AE, answer: 'T' },
    ]);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([
      { field: 'answers.0.answer', message: expect.stringContaining('1.a.1 is yes_no: answer Y, T') },
      { field: 'answers.1.answer', message: expect.stringContaining('1.b.1 is a_to_e: answer A, B, C, D, E') },
    ]);
  });

  it('refuses an unknown criterion and one answered twice', () => {
    const unknown = '00000000-0000-4000-8000-000000000009';
    const err = errorOf([
      { criterionId: unknown, answer: 'Y' },
      { criterionId: YN, answer: 'Y' },
      { criterionId: YN, answer: 'T' },
    ]);
    expect(err.details).toEqual([
      { field: 'answers.0.criterionId', message: `${unknown} is not a criterion of this evaluation` },
      { field: 'answers.2.criterionId', message: 'criterion 1.a.1 is answered more than once' },
    ]);
  });
});

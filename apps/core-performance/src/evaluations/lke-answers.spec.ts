import type { DomainError, EvaluationAnswerItem } from '@sakip/contracts';
import { checkAnswers, type CriterionRef } from './lke-answers';

const YN = '00000000-0000-4000-8000-000000000001';
const AE = '00000000-0000-4000-8000-000000000002';
const FILE = '00000000-0000-4000-8000-0000000000ff';
const criteria = new Map<string, CriterionRef>([
  [YN, { id: YN, code: '1.a.1', answer_type: 'yes_no', evidence_file_ids: [] }],
  [AE, { id: AE, code: '1.b.1', answer_type: 'a_to_e', evidence_file_ids: [] }],
]);

const errorOf = (items: EvaluationAnswerItem[], against: ReadonlyMap<string, CriterionRef> = criteria) => {
  try {
    checkAnswers(items, against);
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

describe('checkAnswers: the evaluation-wide evidence limit (its file-links event holds 1,000 ids)', () => {
  const files = (from: number, n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-9000-${String(from + i).padStart(12, '0')}`);
  // 50 criteria holding 20 files each = 1,000 distinct files already stored.
  const full = new Map<string, CriterionRef>(
    Array.from({ length: 50 }, (_, i) => {
      const id = `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`;
      return [id, { id, code: `1.a.${i + 1}`, answer_type: 'yes_no', evidence_file_ids: files(i * 20, 20) }] as const;
    }),
  );
  const [first, second] = [...full.keys()];

  it('accepts exactly 1,000, a batch that only re-uses stored files, and one that swaps files', () => {
    expect(checkAnswers([{ criterionId: first, answer: 'Y' }], full)).toHaveLength(1);
    expect(checkAnswers([{ criterionId: first, answer: 'Y', evidenceFileIds: files(20, 20) }], full)).toHaveLength(1); // the second criterion's files: 980 distinct
    expect(checkAnswers([{ criterionId: first, answer: 'Y', evidenceFileIds: files(5000, 20) }], full)).toHaveLength(1); // replaces its 20: still 1,000
  });

  it('refuses the 1,001st distinct file with a 400 naming the limit', () => {
    const err = errorOf([{ criterionId: first, answer: 'Y', evidenceFileIds: [...files(0, 20).slice(0, 19), ...files(5000, 2)] }], full);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([{ field: 'answers', message: 'would give the evaluation 1001 distinct evidence files; the limit is 1000' }]);
  });

  it('counts what other criteria of the batch replace', () => {
    // first takes 21 new files (over per-criterion limits are the DTO's business), second drops its 20: 1,001 − 20 = 981.
    expect(checkAnswers([{ criterionId: first, answer: 'Y', evidenceFileIds: files(5000, 21) }, { criterionId: second, answer: 'T', evidenceFileIds: [] }], full)).toHaveLength(2);
  });
});

import Decimal from 'decimal.js';
import { objectiveScores, ownerScore, scoresByOwner, type ObjectiveRef } from './score-rollup';

const d = (x: string | null) => (x === null ? null : new Decimal(x));
const objective = (id: string, opdId: string | null): ObjectiveRef => ({ id, opdId, code: id, name: `Sasaran ${id}` });

describe('sasaran and OPD roll-up', () => {
  const objectives = [objective('S1', 'A'), objective('S2', 'A'), objective('S3', 'B'), objective('R1', null)];
  const indicators = [
    { objectiveId: 'S1', weight: '1', capaian: d('100') },
    { objectiveId: 'S1', weight: '3', capaian: d('75') },
    { objectiveId: 'S2', weight: '1', capaian: null },
    { objectiveId: 'S2', weight: '2', capaian: d('60') }, // e.g. on a program below S2
    { objectiveId: null, weight: '1', capaian: d('10') }, // on a goal: rolls into no sasaran
    { objectiveId: 'R1', weight: '1', capaian: d('90') },
  ];

  it('a sasaran is the weighted mean of its scored indicators', () => {
    const [s1, s2, s3] = objectiveScores(objectives, indicators);
    expect([s1.rollUp.value?.toFixed(), s1.rollUp.scored, s1.rollUp.total]).toEqual(['81.25', 2, 2]);
    expect([s2.rollUp.value?.toFixed(), s2.rollUp.scored, s2.rollUp.total]).toEqual(['60', 1, 2]);
    expect([s3.rollUp.value, s3.rollUp.scored]).toEqual([null, 0]);
  });

  it('an OPD is the plain mean of its sasaran; the RPJMD is the Pemda\'s (owner null)', () => {
    const owners = scoresByOwner(objectives, indicators);
    const a = ownerScore(owners, 'A').rollUp;
    expect([a.value?.toFixed(), a.scored, a.total]).toEqual(['70.625', 2, 2]);
    expect(ownerScore(owners, 'B').rollUp).toMatchObject({ value: null, scored: 0, total: 1 });
    expect(ownerScore(owners, null).rollUp.value?.toFixed()).toBe('90');
    expect(ownerScore(owners, 'C')).toEqual({ objectives: [], rollUp: { value: null, scored: 0, total: 0 } });
  });
});

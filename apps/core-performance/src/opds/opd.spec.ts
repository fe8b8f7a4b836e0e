import { changedOpdFields, opdChangedEvent, opdHead, toOpdSnapshot, type Opd } from './opd';

const opd: Opd = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  code: 'DINKES',
  name: 'Dinas Kesehatan',
  shortName: null,
  headName: 'dr. Siti',
  headPosition: null,
  headRank: 'IV/c',
  headNip: null,
  isActive: true,
  version: 2,
  createdAt: new Date(),
  updatedAt: new Date(),
};

describe('opd', () => {
  it('has a head only with both a name and a position', () => {
    expect(opdHead(opd)).toBeNull();
    expect(opdHead({ ...opd, headPosition: 'Kepala Dinas' })).toEqual({ name: 'dr. Siti', position: 'Kepala Dinas', rank: 'IV/c', nip: null });
  });

  it('counts only sent values that differ as changes (null clears, undefined is absent)', () => {
    expect(changedOpdFields(opd, { name: 'Dinas Kesehatan', shortName: undefined })).toEqual([]);
    expect(changedOpdFields(opd, { headRank: null, isActive: false, code: 'DINKES' })).toEqual(['headRank', 'isActive']);
  });

  it('carries the same state in the event and the snapshot', () => {
    const { change, ...state } = opdChangedEvent(opd, 'updated');
    expect(change).toBe('updated');
    expect(state).toEqual(toOpdSnapshot(opd));
  });
});

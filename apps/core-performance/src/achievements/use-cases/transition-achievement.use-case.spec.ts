import { Role, type CallerIdentity } from '@sakip/contracts';
import type { AchievementRow } from '../achievement-row';
import type { AchievementsRepository } from '../achievements.repository';
import { TransitionAchievement } from './transition-achievement.use-case';

const OPD_A = '00000000-0000-4000-8000-00000000000a';
const OPD_B = '00000000-0000-4000-8000-00000000000b';
const ID = '00000000-0000-4000-8000-000000000001';
const who = (role: Role, opdId: string | null = null, scopes?: string[]): CallerIdentity => ({ sub: 'u', role, opdId, actor: 'user:u', ...(scopes ? { scopes } : {}) });

function fakeRepository(row: Partial<AchievementRow> | null) {
  const calls: string[] = [];
  const repo = {
    findById: async () => {
      calls.push('findById');
      return row && ({ id: ID, opd_id: OPD_A, status: 'submitted', year: 2026, period: 'Q1', ...row } as AchievementRow);
    },
    transition: async (current: AchievementRow, name: string) => {
      calls.push(`transition:${name}`);
      return { ...current, realization: '1', document_ids: [], created_at: new Date(), updated_at: new Date() } as AchievementRow;
    },
  };
  return { repo: repo as unknown as AchievementsRepository, calls };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

describe('TransitionAchievement', () => {
  it('refuses roles before any lookup', async () => {
    const { repo, calls } = fakeRepository({});
    const useCase = new TransitionAchievement(repo);
    expect(await codeOf(useCase.verify(who(Role.SuperAdmin), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(useCase.verify(who(Role.AdminOpd, OPD_A), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(useCase.return(who(Role.Evaluator, null, ['achievements:write']), { id: ID, note: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(useCase.submit(who(Role.Evaluator), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(useCase.submit(who(Role.Viewer, OPD_A), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(useCase.submit(null, { id: ID }))).toBe('UNAUTHENTICATED');
    expect(calls).toEqual([]);
  });

  it('hides another OPD (404) and keeps Pemda rows with super_admin (403)', async () => {
    const foreign = fakeRepository({ opd_id: OPD_B });
    expect(await codeOf(new TransitionAchievement(foreign.repo).submit(who(Role.AdminOpd, OPD_A), { id: ID }))).toBe('NOT_FOUND');
    const pemda = fakeRepository({ opd_id: null });
    expect(await codeOf(new TransitionAchievement(pemda.repo).submit(who(Role.AdminOpd, OPD_A), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(new TransitionAchievement(pemda.repo).submit(who(Role.SuperAdmin), { id: ID }))).toBe('OK');
    expect(await codeOf(new TransitionAchievement(pemda.repo).verify(who(Role.Evaluator), { id: ID }))).toBe('OK');
    expect(foreign.calls).toEqual(['findById']);
  });

  it('is 404 for an unknown id', async () => {
    const { repo } = fakeRepository(null);
    expect(await codeOf(new TransitionAchievement(repo).verify(who(Role.Evaluator), { id: ID }))).toBe('NOT_FOUND');
  });
});

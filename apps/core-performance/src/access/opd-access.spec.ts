import { DomainError, ErrorCode, Role, type CallerIdentity } from '@sakip/contracts';
import { OpdAccess } from './opd-access';

const A = '0195f5a0-0000-7000-8000-00000000000a';
const B = '0195f5a0-0000-7000-8000-00000000000b';
const user = (role: Role, opdId: string | null): CallerIdentity => ({ sub: 'u', role, opdId, actor: 'user:u' });
const key = (role: Role, opdId: string | null): CallerIdentity => ({ ...user(role, opdId), actor: 'apikey:k', scopes: ['plans:read', 'plans:write'] });

const codeOf = (fn: () => unknown): ErrorCode | 'none' => {
  try {
    fn();
    return 'none';
  } catch (err) {
    return (err as DomainError).code;
  }
};

describe('OpdAccess', () => {
  it.each([
    ['super_admin user', user(Role.SuperAdmin, null), null],
    ['evaluator user', user(Role.Evaluator, null), null],
    ['viewer without OPD', user(Role.Viewer, null), null],
    ['viewer of A', user(Role.Viewer, A), A],
    ['admin_opd of A', user(Role.AdminOpd, A), A],
    ['super_admin key without OPD', key(Role.SuperAdmin, null), null],
    // A key bound to an OPD is bound whatever its creator's role.
    ['super_admin key bound to A', key(Role.SuperAdmin, A), A],
    ['evaluator key bound to A', key(Role.Evaluator, A), A],
  ])('%s sees %s', (_name, caller, bound) => {
    expect(OpdAccess.of(caller).boundOpdId).toBe(bound);
  });

  it('hides another OPD behind 404 and shows Pemda rows to everyone', () => {
    const a = OpdAccess.of(user(Role.AdminOpd, A));
    expect(codeOf(() => a.assertVisible(B))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => a.assertVisible(A))).toBe('none');
    expect(codeOf(() => a.assertVisible(null))).toBe('none');
    expect(codeOf(() => OpdAccess.of(key(Role.Evaluator, A)).assertVisible(B))).toBe(ErrorCode.NotFound);
  });

  it('lets only an unbound super_admin write Pemda rows', () => {
    expect(codeOf(() => OpdAccess.of(user(Role.SuperAdmin, null)).assertWritable(null))).toBe('none');
    expect(codeOf(() => OpdAccess.of(key(Role.SuperAdmin, null)).assertWritable(null))).toBe('none');
    expect(codeOf(() => OpdAccess.of(key(Role.SuperAdmin, A)).assertWritable(null))).toBe(ErrorCode.Forbidden);
    expect(codeOf(() => OpdAccess.of(key(Role.SuperAdmin, A)).assertWritable(B))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => OpdAccess.of(user(Role.AdminOpd, A)).assertWritable(null))).toBe(ErrorCode.Forbidden);
  });

  it('limits lists: own OPD plus Pemda rows by default, 404 for an explicit foreign OPD', () => {
    const a = OpdAccess.of(user(Role.Viewer, A));
    const params: unknown[] = [];
    expect(a.sql('x.opd_id', params, undefined)).toBe(' AND (x.opd_id = $1 OR x.opd_id IS NULL)');
    expect(params).toEqual([A]);
    expect(codeOf(() => a.sql('x.opd_id', [], B))).toBe(ErrorCode.NotFound);
    expect(OpdAccess.of(user(Role.Evaluator, null)).sql('x.opd_id', [], undefined)).toBe('');
    expect(OpdAccess.of(user(Role.Evaluator, null)).sql('x.opd_id', [], null)).toBe(' AND x.opd_id IS NULL');
  });
});

import { DomainError, ErrorCode, Role, ROLES, type CallerIdentity } from '@sakip/contracts';
import { assertPermission, isAllowed, PERMISSIONS, type Permission } from './permissions';

const caller = (role: Role): CallerIdentity => ({ sub: 'u1', role, opdId: null, actor: 'user:u1' });

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('permissions', () => {
  it('reserves administration to super_admin and lets every role read itself', () => {
    const matrix = Object.fromEntries((Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, ROLES.filter((r) => isAllowed(p, r)).sort()]));

    expect(matrix).toEqual({
      'users.manage': ['super_admin'],
      'settings.write': ['super_admin'],
      'audit.read': ['super_admin'],
      'self.read': ['admin_opd', 'evaluator', 'super_admin', 'viewer'],
    });
  });

  describe('assertPermission', () => {
    it.each([null, undefined])('is UNAUTHENTICATED without a caller (%p)', (none) => {
      const err = thrown(() => assertPermission(none, 'self.read'));
      expect(err.code).toBe(ErrorCode.Unauthenticated);
    });

    it.each([Role.AdminOpd, Role.Evaluator, Role.Viewer])('is FORBIDDEN for %s on users.manage', (role) => {
      const err = thrown(() => assertPermission(caller(role), 'users.manage'));
      expect(err.code).toBe(ErrorCode.Forbidden);
    });

    it('returns the caller when the role is allowed', () => {
      const admin = caller(Role.SuperAdmin);
      expect(assertPermission(admin, 'users.manage')).toBe(admin);
      expect(assertPermission(caller(Role.Viewer), 'self.read').role).toBe(Role.Viewer);
    });

    it('refuses a forged role string', () => {
      const err = thrown(() => assertPermission({ ...caller(Role.Viewer), role: 'root' as Role }, 'self.read'));
      expect(err.code).toBe(ErrorCode.Forbidden);
    });
  });
});

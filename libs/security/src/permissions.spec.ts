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

    const all = ['admin_opd', 'evaluator', 'super_admin', 'viewer'];
    expect(matrix).toEqual({
      'users.manage': ['super_admin'],
      'settings.read': all,
      'settings.write': ['super_admin'],
      'audit.read': ['super_admin'],
      'self.read': all,
      'opds.read': all,
      'opds.manage': ['super_admin'],
      'plans.read': all,
      'plans.write': ['admin_opd', 'super_admin'],
      'rpjmd.write': ['super_admin'],
      'periods.read': all,
      'periods.manage': ['super_admin'],
      'achievements.read': all,
      'achievements.write': ['admin_opd', 'super_admin'],
      'achievements.import': ['admin_opd', 'super_admin'],
      'achievements.verify': ['evaluator'],
      'performance.read': all,
      'budget.read': all,
      'budget.write': ['admin_opd', 'super_admin'],
      'budget.allocate': ['super_admin'],
      'evaluations.read': all,
      'evaluations.manage': ['evaluator'],
      'evaluations.publish': ['super_admin'],
      'evaluations.follow_up': ['admin_opd', 'super_admin'],
      'files.read': all,
      'files.upload': ['admin_opd', 'evaluator', 'super_admin'],
      'files.delete': ['admin_opd', 'evaluator', 'super_admin'],
      'notifications.read': all,
      'notifications.dead_letters': ['super_admin'],
      'reports.read': all,
      'reports.order': ['admin_opd', 'evaluator', 'super_admin'],
      'integrations.manage': ['super_admin'],
    });
  });

  it('narrows API keys to the scope that grants the permission', () => {
    const key = (scopes: string[]): CallerIdentity => ({ ...caller(Role.AdminOpd), actor: 'apikey:k1', scopes });
    expect(assertPermission(key(['achievements:write']), 'achievements.write').actor).toBe('apikey:k1');
    expect(thrown(() => assertPermission(key(['achievements:read']), 'achievements.write')).code).toBe(ErrorCode.Forbidden);
    // Verification is never available to keys, whatever they hold.
    expect(thrown(() => assertPermission({ ...key(['achievements:write']), role: Role.Evaluator }, 'achievements.verify')).code).toBe(ErrorCode.Forbidden);
    // Files: reading needs files:read, uploading and deleting files:write.
    expect(assertPermission(key(['files:read']), 'files.read').actor).toBe('apikey:k1');
    expect(thrown(() => assertPermission(key(['files:read']), 'files.upload')).code).toBe(ErrorCode.Forbidden);
    expect(thrown(() => assertPermission(key(['files:read']), 'files.delete')).code).toBe(ErrorCode.Forbidden);
    expect(assertPermission(key(['files:write']), 'files.upload').actor).toBe('apikey:k1');
    // Notifications are a person's own inbox: no key scope grants them.
    expect(thrown(() => assertPermission(key(['files:read', 'achievements:read']), 'notifications.read')).code).toBe(ErrorCode.Forbidden);
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

import { opdRuleViolation, Role, ROLES } from './roles';

const OPD = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('roles', () => {
  it('lists the four roles of DOMAIN.md', () => {
    expect([...ROLES].sort()).toEqual(['admin_opd', 'evaluator', 'super_admin', 'viewer']);
  });

  describe('opdRuleViolation', () => {
    it('requires an OPD for admin_opd', () => {
      expect(opdRuleViolation(Role.AdminOpd, OPD)).toBeNull();
      expect(opdRuleViolation(Role.AdminOpd, null)).toBe('admin_opd requires opdId');
      expect(opdRuleViolation(Role.AdminOpd, undefined)).toBe('admin_opd requires opdId');
      expect(opdRuleViolation(Role.AdminOpd, '')).toBe('admin_opd requires opdId');
    });

    it.each([Role.SuperAdmin, Role.Evaluator])('forbids binding %s to an OPD', (role) => {
      expect(opdRuleViolation(role, null)).toBeNull();
      expect(opdRuleViolation(role, undefined)).toBeNull();
      expect(opdRuleViolation(role, OPD)).toBe(`${role} cannot be bound to an OPD`);
    });

    it('lets a viewer be bound to an OPD or not', () => {
      expect(opdRuleViolation(Role.Viewer, OPD)).toBeNull();
      expect(opdRuleViolation(Role.Viewer, null)).toBeNull();
      expect(opdRuleViolation(Role.Viewer, undefined)).toBeNull();
    });
  });
});

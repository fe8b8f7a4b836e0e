export enum Role {
  SuperAdmin = 'super_admin',
  AdminOpd = 'admin_opd',
  Evaluator = 'evaluator',
  Viewer = 'viewer',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles bound to one OPD: admin_opd must have one, viewer may; the others are Pemda-wide. */
export function opdRuleViolation(role: Role, opdId: string | null | undefined): string | null {
  if (role === Role.AdminOpd && !opdId) return 'admin_opd requires opdId';
  if ((role === Role.SuperAdmin || role === Role.Evaluator) && opdId) return `${role} cannot be bound to an OPD`;
  return null;
}

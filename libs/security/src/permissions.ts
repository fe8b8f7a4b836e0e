import { DomainError, ErrorCode, Role, type ApiKeyScope, type CallerIdentity } from '@sakip/contracts';

const ALL = [Role.SuperAdmin, Role.AdminOpd, Role.Evaluator, Role.Viewer] as const;

interface PermissionRule {
  roles: readonly Role[];
  /** The API-key scope that grants it; absent = never available to API keys. */
  scope?: ApiKeyScope;
}

/**
 * The permission matrix of DOMAIN.md "Roles", by route family, with the API-key scope that
 * grants each (a key acts as its creator's role narrowed to its scopes). The gateway checks it as
 * a first gate and the owning service checks it again with the identity that travels with the
 * message. OPD scoping (own OPD only) is the owning service's job on every row.
 */
export const PERMISSIONS = {
  'users.manage': { roles: [Role.SuperAdmin] },
  'settings.read': { roles: ALL, scope: 'opds:read' },
  'settings.write': { roles: [Role.SuperAdmin] },
  'audit.read': { roles: [Role.SuperAdmin] },
  'self.read': { roles: ALL },
  'opds.read': { roles: ALL, scope: 'opds:read' },
  'opds.manage': { roles: [Role.SuperAdmin] },
  /** Renstra tree, indicators, targets: super_admin everywhere, admin_opd in its own OPD. */
  'plans.read': { roles: ALL, scope: 'plans:read' },
  'plans.write': { roles: [Role.SuperAdmin, Role.AdminOpd], scope: 'plans:write' },
  /** The RPJMD (strategic plan without OPD) and Pemda IKU. */
  'rpjmd.write': { roles: [Role.SuperAdmin], scope: 'plans:write' },
  'periods.read': { roles: ALL, scope: 'achievements:read' },
  'periods.manage': { roles: [Role.SuperAdmin] },
  'achievements.read': { roles: ALL, scope: 'achievements:read' },
  'achievements.write': { roles: [Role.SuperAdmin, Role.AdminOpd], scope: 'achievements:write' },
  /** Bulk achievement import from an uploaded CSV/XLSX (DOMAIN.md: super_admin, admin_opd). */
  'achievements.import': { roles: [Role.SuperAdmin, Role.AdminOpd], scope: 'achievements:write' },
  /** Separation of duties: only evaluators verify or return, never with a key. */
  'achievements.verify': { roles: [Role.Evaluator] },
  'performance.read': { roles: ALL, scope: 'performance:read' },
  'budget.read': { roles: ALL, scope: 'budget:read' },
  /** Monthly realizations: super_admin everywhere, admin_opd in its own OPD. */
  'budget.write': { roles: [Role.SuperAdmin, Role.AdminOpd], scope: 'budget:write' },
  /** Allocations (pagu): super_admin (and integration-sync over its service RPC). */
  'budget.allocate': { roles: [Role.SuperAdmin], scope: 'budget:write' },
  /** admin_opd and viewer read only published evaluations (the service filters). */
  'evaluations.read': { roles: ALL, scope: 'evaluations:read' },
  /** Create, answer, recommend, finalize: evaluators only (separation of duties), never with a key. */
  'evaluations.manage': { roles: [Role.Evaluator] },
  'evaluations.publish': { roles: [Role.SuperAdmin] },
  /** Tindak lanjut on recommendations after publishing: super_admin, or admin_opd of that OPD. */
  'evaluations.follow_up': { roles: [Role.SuperAdmin, Role.AdminOpd] },
  /** Files (metadata and content): everyone; which files a caller sees is the file service's rule. */
  'files.read': { roles: ALL, scope: 'files:read' },
  'files.upload': { roles: [Role.SuperAdmin, Role.AdminOpd, Role.Evaluator], scope: 'files:write' },
  /** Only while unreferenced; super_admin any file, the others their own uploads (the file service decides). */
  'files.delete': { roles: [Role.SuperAdmin, Role.AdminOpd, Role.Evaluator], scope: 'files:write' },
  /** Own inbox and preferences (DOMAIN.md: every role); personal, so never with a key. */
  'notifications.read': { roles: ALL },
  /** Deliveries that gave up (all users' recipients): super_admin only. */
  'notifications.dead_letters': { roles: [Role.SuperAdmin] },
  /** Report jobs and their documents (DOMAIN.md: viewers read; the service scopes to the caller's OPD). */
  'reports.read': { roles: ALL, scope: 'reports:read' },
  'reports.order': { roles: [Role.SuperAdmin, Role.AdminOpd, Role.Evaluator], scope: 'reports:write' },
  /** SIPD/SIMPEG integrations, their runs and quarantine: super_admin only, never with a key (no scope exists). */
  'integrations.manage': { roles: [Role.SuperAdmin] },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(permission: Permission, role: Role): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function scopeOf(permission: Permission): ApiKeyScope | undefined {
  return (PERMISSIONS[permission] as PermissionRule).scope;
}

/**
 * Throws FORBIDDEN (or UNAUTHENTICATED without a caller) unless the caller's role has the
 * permission and, for an API key, the key holds the scope that grants it.
 */
export function assertPermission(caller: CallerIdentity | null | undefined, permission: Permission): CallerIdentity {
  if (!caller) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
  if (!isAllowed(permission, caller.role)) throw new DomainError(ErrorCode.Forbidden, 'You are not allowed to do this');
  if (caller.scopes) {
    const scope = scopeOf(permission);
    if (!scope) throw new DomainError(ErrorCode.Forbidden, 'This operation is not available to API keys');
    if (!caller.scopes.includes(scope)) throw new DomainError(ErrorCode.Forbidden, `API key lacks scope ${scope}`, [{ field: 'scopes', message: `missing ${scope}` }]);
  }
  return caller;
}

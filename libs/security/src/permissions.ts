import { DomainError, ErrorCode, Role, type CallerIdentity } from '@sakip/contracts';

/**
 * The permission matrix of DOMAIN.md "Roles", by route family. The gateway checks it as a first
 * gate and the owning service checks it again with the identity that travels with the message.
 */
export const PERMISSIONS = {
  'users.manage': [Role.SuperAdmin],
  'settings.write': [Role.SuperAdmin],
  'audit.read': [Role.SuperAdmin],
  'self.read': [Role.SuperAdmin, Role.AdminOpd, Role.Evaluator, Role.Viewer],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(permission: Permission, role: Role): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws FORBIDDEN (or UNAUTHENTICATED without a caller) unless the caller's role has the permission. */
export function assertPermission(caller: CallerIdentity | null | undefined, permission: Permission): CallerIdentity {
  if (!caller) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
  if (!isAllowed(permission, caller.role)) throw new DomainError(ErrorCode.Forbidden, 'You are not allowed to do this');
  return caller;
}

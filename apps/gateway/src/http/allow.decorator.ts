import { applyDecorators } from '@nestjs/common';
import { PERMISSIONS, Roles, scopeOf, type Permission } from '@sakip/security';
import { Scopes } from '../identity/scopes.guard';

/**
 * The route's permission family from libs/security: the roles that may call it and the API-key
 * scope that grants it (none: closed to keys). The owning service checks the same permission again.
 */
export const Allow = (permission: Permission) => {
  const scope = scopeOf(permission);
  return applyDecorators(Roles(...PERMISSIONS[permission].roles), ...(scope ? [Scopes(scope)] : []));
};

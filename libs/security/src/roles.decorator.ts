import { SetMetadata } from '@nestjs/common';
import type { Role } from '@sakip/contracts';

export const ROLES_KEY = 'sakip:roles';
export const PUBLIC_KEY = 'sakip:public';

/** Only these roles may call the route; others get 403 before any lookup (DOMAIN.md "Roles"). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No credentials needed (login, refresh, JWKS, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

import { SetMetadata } from '@nestjs/common';
import type { Role } from '@sakip/contracts';

export const ROLES_KEY = 'sakip:roles';

/** Only these roles may call the route; others get 403 before any lookup (DOMAIN.md "Roles"). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

// Probes live in observability, so the public marker is defined there and re-exported here.
export { Public, PUBLIC_KEY } from '@sakip/observability';

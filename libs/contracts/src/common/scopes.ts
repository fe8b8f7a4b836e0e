import { Role } from './roles';

/** The closed list of API-key scopes (DOMAIN.md "API keys"). */
export const API_KEY_SCOPES = [
  'opds:read',
  'plans:read',
  'plans:write',
  'performance:read',
  'achievements:read',
  'achievements:write',
  'budget:read',
  'budget:write',
  'evaluations:read',
  'reports:read',
  'reports:write',
  'files:read',
  'files:write',
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const READ_SCOPES: ApiKeyScope[] = API_KEY_SCOPES.filter((s) => s.endsWith(':read'));

/**
 * Scopes a role can make use of: a key acts as its creator's role narrowed to its scopes, so a
 * scope the role cannot exercise is refused when the key is created rather than silently useless.
 */
export const SCOPES_BY_ROLE: Record<Role, readonly ApiKeyScope[]> = {
  [Role.SuperAdmin]: API_KEY_SCOPES,
  [Role.AdminOpd]: API_KEY_SCOPES,
  [Role.Evaluator]: [...READ_SCOPES, 'reports:write', 'files:write'],
  [Role.Viewer]: READ_SCOPES,
};

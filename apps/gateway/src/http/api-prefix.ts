/** Every public route lives under this prefix (API.md), except health, metrics and JWKS. */
export const API_PREFIX = 'api/v1';

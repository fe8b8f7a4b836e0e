import { Role, ROLES, type CallerIdentity } from '@sakip/contracts';
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP } from './jwks';

export interface AccessTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  exp: number;
  iat: number;
  jti: string;
  role: Role;
  opdId: string | null;
  /** Session (refresh family) id: lets "sign out other sessions" keep this one. */
  sid?: string;
  /** Present (true) while the user must change the password an admin set (API.md /users): the gateway then allows only the password change. */
  pwc?: true;
}

export interface AccessTokenHeader {
  alg: typeof ACCESS_TOKEN_ALG;
  kid: string;
  typ: typeof ACCESS_TOKEN_TYP;
}

/** Decodes the JOSE header without trusting it: only used to pick a key by kid and check typ/alg. */
export function readTokenHeader(token: string): Partial<AccessTokenHeader> | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    return header && typeof header === 'object' ? header : null;
  } catch {
    return null;
  }
}

export function identityFromClaims(claims: Partial<AccessTokenClaims>): CallerIdentity | null {
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return null;
  const identity: CallerIdentity = { sub: claims.sub, role: claims.role as Role, opdId: claims.opdId ?? null, actor: `user:${claims.sub}` };
  if (typeof claims.sid === 'string') identity.sessionId = claims.sid;
  if (claims.pwc === true) identity.passwordChangeRequired = true;
  return identity;
}

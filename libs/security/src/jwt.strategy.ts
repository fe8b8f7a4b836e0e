import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { identityFromClaims, readTokenHeader, type AccessTokenClaims } from './access-token';
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP, JwksCache } from './jwks';

export interface JwtVerificationOptions {
  issuer: string;
  audience: string;
  jwks: JwksCache;
}

export const JWT_VERIFICATION = Symbol('JWT_VERIFICATION');

/**
 * Verifies access tokens locally against the issuer's key set (no call to auth per request).
 * Only ES256 is accepted (no `none`, no HS* with the public key as secret), `typ` must be at+jwt,
 * `kid` is a lookup key only, and iss/aud/exp are checked by jsonwebtoken.
 */
export function createJwtStrategy(o: JwtVerificationOptions) {
  @Injectable()
  class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
    constructor() {
      super({
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        algorithms: [ACCESS_TOKEN_ALG],
        issuer: o.issuer,
        audience: o.audience,
        ignoreExpiration: false,
        secretOrKeyProvider: (_req: unknown, rawJwt: string, done: (err: unknown, key?: string) => void) => {
          const header = readTokenHeader(rawJwt);
          if (!header || header.alg !== ACCESS_TOKEN_ALG || header.typ !== ACCESS_TOKEN_TYP || typeof header.kid !== 'string') {
            return done(new DomainError(ErrorCode.Unauthenticated, 'Invalid access token'));
          }
          o.jwks
            .keyFor(header.kid)
            .then((key) =>
              key
                ? done(null, key)
                : done(new DomainError(ErrorCode.Unauthenticated, 'Invalid access token')),
            )
            .catch(() => done(new DomainError(ErrorCode.Unauthenticated, 'Invalid access token')));
        },
      });
    }

    validate(claims: AccessTokenClaims): CallerIdentity {
      const identity = identityFromClaims(claims);
      if (!identity || typeof claims.jti !== 'string') throw new DomainError(ErrorCode.Unauthenticated, 'Invalid access token');
      return identity;
    }
  }
  return JwtStrategy;
}

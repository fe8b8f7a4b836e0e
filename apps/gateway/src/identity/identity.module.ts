import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { createJwtStrategy } from '@sakip/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { GatewayJwks } from './jwks.provider';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RevocationCheck } from './revocation.check';
import { WellKnownController } from './well-known.controller';

export const JWT_STRATEGY = Symbol('JWT_STRATEGY');

@Module({
  imports: [PassportModule],
  controllers: [WellKnownController],
  providers: [
    GatewayJwks,
    {
      // Instantiating the strategy registers it with passport under 'jwt'.
      provide: JWT_STRATEGY,
      inject: [GATEWAY_CONFIG, GatewayJwks],
      useFactory: (config: GatewayConfig, jwks: GatewayJwks) => {
        const Strategy = createJwtStrategy({ issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, jwks });
        return new Strategy();
      },
    },
    ApiKeyAuthenticator,
    RevocationCheck,
    JwtAuthGuard,
  ],
  exports: [GatewayJwks, JwtAuthGuard, RevocationCheck],
})
export class IdentityModule {}

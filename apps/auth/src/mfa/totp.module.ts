import { Module } from '@nestjs/common';
import { MfaChallengesRepository } from './mfa-challenges.repository';
import { MfaStateRepository } from './mfa-state.repository';
import { Totp } from './totp.service';

/** The second-factor building blocks shared by the login flow and MFA management. */
@Module({
  providers: [Totp, MfaChallengesRepository, MfaStateRepository],
  exports: [Totp, MfaChallengesRepository, MfaStateRepository],
})
export class TotpModule {}

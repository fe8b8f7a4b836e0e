import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ThrottleModule } from '../throttle/throttle.module';
import { UsersModule } from '../users/users.module';
import { MfaController } from './mfa.controller';
import { TotpModule } from './totp.module';
import { ManageMfa } from './use-cases/manage-mfa.use-case';

@Module({
  imports: [UsersModule, TotpModule, ThrottleModule, SessionsModule],
  controllers: [MfaController],
  providers: [ManageMfa],
})
export class MfaModule {}

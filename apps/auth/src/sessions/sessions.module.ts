import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { TotpModule } from '../mfa/totp.module';
import { ThrottleModule } from '../throttle/throttle.module';
import { UsersModule } from '../users/users.module';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { IssueTokens } from './use-cases/issue-tokens';
import { Login } from './use-cases/login.use-case';
import { Refresh } from './use-cases/refresh.use-case';
import { VerifyMfa } from './use-cases/verify-mfa.use-case';

@Module({
  imports: [UsersModule, KeysModule, TotpModule, ThrottleModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, IssueTokens, Login, VerifyMfa, Refresh],
  exports: [IssueTokens, SessionsRepository],
})
export class SessionsModule {}

import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { UsersModule } from '../users/users.module';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { IssueTokens } from './use-cases/issue-tokens';
import { Login } from './use-cases/login.use-case';
import { Refresh } from './use-cases/refresh.use-case';

@Module({
  imports: [UsersModule, KeysModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, IssueTokens, Login, Refresh],
})
export class SessionsModule {}

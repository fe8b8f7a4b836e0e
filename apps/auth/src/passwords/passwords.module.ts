import { Module } from '@nestjs/common';
import { ThrottleModule } from '../throttle/throttle.module';
import { UsersModule } from '../users/users.module';
import { ChangePassword } from './change-password.use-case';
import { PasswordsController } from './passwords.controller';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordsRepository } from './passwords.repository';
import { RequestPasswordReset } from './request-password-reset.use-case';
import { ResetPassword } from './reset-password.use-case';

@Module({
  imports: [UsersModule, ThrottleModule],
  controllers: [PasswordsController],
  providers: [PasswordsRepository, ChangePassword, PasswordResetsRepository, RequestPasswordReset, ResetPassword],
})
export class PasswordsModule {}

import { Module } from '@nestjs/common';
import { ThrottleModule } from '../throttle/throttle.module';
import { UsersModule } from '../users/users.module';
import { ChangePassword } from './change-password.use-case';
import { PasswordsController } from './passwords.controller';
import { PasswordsRepository } from './passwords.repository';

@Module({
  imports: [UsersModule, ThrottleModule],
  controllers: [PasswordsController],
  providers: [PasswordsRepository, ChangePassword],
})
export class PasswordsModule {}

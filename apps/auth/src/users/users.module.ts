import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { GetMe } from './use-cases/get-me.use-case';
import { ManageUsers } from './use-cases/manage-users.use-case';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, PasswordHasher, ManageUsers, GetMe],
  exports: [UsersRepository, PasswordHasher],
})
export class UsersModule {}

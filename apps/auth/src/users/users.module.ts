import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { GetMe } from './use-cases/get-me.use-case';
import { ListUserSnapshot } from './use-cases/list-user-snapshot.use-case';
import { ManageUsers } from './use-cases/manage-users.use-case';
import { UserSnapshotController } from './user-snapshot.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [UsersController, UserSnapshotController],
  providers: [UsersRepository, PasswordHasher, ManageUsers, GetMe, ListUserSnapshot],
  exports: [UsersRepository, PasswordHasher],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ManageApiKeys } from './use-cases/manage-api-keys.use-case';
import { VerifyApiKey } from './use-cases/verify-api-key.use-case';

@Module({
  imports: [UsersModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, ManageApiKeys, VerifyApiKey],
})
export class ApiKeysModule {}

import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from '../auth.config';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { SigningKeyEntity } from '../keys/signing-key.entity';
import { AUTH_MIGRATIONS, AUTH_SCHEMA } from '../migrations';
import { RefreshTokenEntity, SessionFamilyEntity } from '../sessions/session.entities';
import { UserEntity } from '../users/user.entity';

export const AUTH_ENTITIES = [UserEntity, SessionFamilyEntity, RefreshTokenEntity, SigningKeyEntity, ApiKeyEntity];

export function createAuthDataSource(config: AuthConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: AUTH_SCHEMA,
    entities: AUTH_ENTITIES,
    migrations: AUTH_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-auth',
  });
}
